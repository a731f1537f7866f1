package kr.dolbom.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import kr.dolbom.tokens.Callers;
import kr.dolbom.tokens.TokenClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Clients that keep their promise through any outage: dong centres send urgent care requests of the demo district
 * at a steady rate, each with its Idempotency-Key, and send the same request again (same key) after a refused
 * connection, a time-out, a 5xx or a 503 with its Retry-After, until it is answered; providers report each
 * line offered to them and report each assigned line delivered in full, again until answered (a 409 on a repeat means an earlier try was recorded).
 * What each drill's batch sent and was told is kept for the reconciliation.
 */
final class DrillLoad implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a client keeps trying before it counts a request as failed: longer than any drill's outage. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private static final int[] VISIT_MINUTES = {60, 90, 120, 150};

    private final ExecutorService requests = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService providers = Executors.newScheduledThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Instances intake;
    private final Instances matching;
    private final TokenClient tokens;
    private final LocalDate today;
    private final LocalDate deliveryDay;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000);
    private final AtomicInteger numbers = new AtomicInteger();
    final List<Batch> batches = new CopyOnWriteArrayList<>();

    /** @param tokens the window's and the providers' tokens */
    DrillLoad(String intakeBaseUrl, String matchingBaseUrl, TokenClient tokens, LocalDate today) {
        this.intake = new Instances(intakeBaseUrl);
        this.matching = new Instances(matchingBaseUrl);
        this.tokens = tokens;
        this.today = today;
        this.deliveryDay = today.minusDays(1);
    }

    /**
     * A service's instances as a load balancer spreads over them: each request to the next one, and a retry to the
     * one after, so that a client never waits on an instance that is gone while another answers.
     */
    private static final class Instances {
        private final List<String> baseUrls = new CopyOnWriteArrayList<>();
        private final AtomicInteger turns = new AtomicInteger();

        Instances(String baseUrl) {
            baseUrls.add(baseUrl);
        }

        URI next(String path) {
            return URI.create(baseUrls.get(Math.floorMod(turns.getAndIncrement(), baseUrls.size())) + path);
        }
    }

    /** From now on the clients reach these instances too, as a load balancer would once they are ready. */
    void alsoAt(String intakeBaseUrl, String matchingBaseUrl) {
        intake.baseUrls.add(intakeBaseUrl);
        matching.baseUrls.add(matchingBaseUrl);
    }

    /** One line of a placed order, as the provider will report it. */
    record Line(UUID lineId, String type, int quantity, Integer minutes) {}

    /** What one drill's clients sent and were answered. */
    static final class Batch {
        final String drill;
        final AtomicLong sent = new AtomicLong();
        final AtomicLong placed = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong shed = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong linesPlaced = new AtomicLong();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong deliveryRepeatsFound = new AtomicLong();
        final AtomicLong deliveriesFailed = new AtomicLong();
        final AtomicLong inFlight = new AtomicLong();
        final List<UUID> orders = new CopyOnWriteArrayList<>();
        final List<String> phones = new CopyOnWriteArrayList<>();
        final List<String> failures = new CopyOnWriteArrayList<>();
        Duration outage = Duration.ZERO;
        private volatile Thread pacer;

        Batch(String drill) {
            this.drill = drill;
        }

        /** Every request sent and answered, and every placed line's delivery answered. */
        boolean settled() {
            return !pacer.isAlive() && inFlight.get() == 0;
        }

        /** Returns once the last request of the batch has left (its answer may still be on its way). */
        void awaitSent() throws InterruptedException {
            pacer.join();
        }

        void fail(String why) {
            if (failures.size() < 5) {
                failures.add(why);
            }
        }
    }

    /** Sends {@code count} requests at {@code perSecond}, without waiting for their answers. */
    Batch send(String drill, int count, double perSecond) {
        Batch batch = new Batch(drill);
        batches.add(batch);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        Thread pacer = new Thread(
                () -> {
                    for (int i = 0; i < count; i++) {
                        long wait;
                        while ((wait = start + i * interval - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        batch.inFlight.incrementAndGet();
                        int number = numbers.incrementAndGet();
                        requests.execute(() -> request(batch, number));
                    }
                },
                "drill-pacer-" + drill);
        pacer.setDaemon(true);
        pacer.start();
        batch.pacer = pacer;
        return batch;
    }

    private void request(Batch batch, int number) {
        boolean eligible = number % 10 != 0;
        List<Map<String, Object>> services = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        services.add(service("MEAL_SUPPORT", 5 + number % 10, null));
        lines.add(new Line(null, "MEAL_SUPPORT", 5 + number % 10, null));
        if (number % 2 == 0) {
            int minutes = VISIT_MINUTES[number / 2 % VISIT_MINUTES.length];
            services.add(service("TEMPORARY_HOME_CARE", 1, minutes));
            lines.add(new Line(null, "TEMPORARY_HOME_CARE", 1, minutes));
        }
        String phone = String.format("010-%04d-%04d", Integer.parseInt(run) % 10_000, number);
        Map<String, Object> resident = new LinkedHashMap<>();
        resident.put("name", "훈련" + number);
        resident.put(
                "birthDate",
                today.minusYears(eligible ? 70 + number % 20 : 45)
                        .minusDays(number % 300 + 1)
                        .toString());
        resident.put("phone", phone);
        resident.put("address", "서울특별시 마포구 훈련로 " + number);
        resident.put("dong", number % 3 == 0 ? "mangwon1" : number % 3 == 1 ? "hapjeong" : "seogyo");
        resident.put("disabled", false);
        resident.put("incomeTier", eligible ? (number % 3 == 0 ? "NEAR_POOR" : "BASIC_LIVELIHOOD") : "GENERAL");
        String body = JSON.writeValueAsString(Map.of(
                "resident",
                resident,
                "district",
                "mapo",
                "channel",
                "DONG_CENTRE",
                // urgent (긴급), so matched as they arrive: the drills are about faults between request and charge;
                // the care plan that other requests wait for is the end-to-end test's
                "urgent",
                true,
                "services",
                services));
        batch.sent.incrementAndGet();
        batch.phones.add(phone);
        HttpRequest.Builder post = HttpRequest.newBuilder()
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "drill-" + run + "-" + number)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> answer = untilAnswered(batch, intake, "/api/v1/care-requests", post, Callers.WINDOW)
                .response();
        if (answer == null || answer.statusCode() != 201) {
            batch.failed.incrementAndGet();
            batch.fail(
                    answer == null
                            ? "request " + number + " never answered"
                            : answer.statusCode() + " " + answer.body());
            batch.inFlight.decrementAndGet();
            return;
        }
        JsonNode order = JSON.readTree(answer.body());
        UUID orderId = UUID.fromString(order.path("careOrderId").asString());
        batch.orders.add(orderId);
        if ("REJECTED".equals(order.path("status").asString())) {
            batch.rejected.incrementAndGet();
            batch.inFlight.decrementAndGet();
            return;
        }
        batch.placed.incrementAndGet();
        batch.linesPlaced.addAndGet(lines.size());
        batch.inFlight.addAndGet(lines.size() - 1);
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        providers.execute(() -> deliverWhenAssigned(batch, orderId, lines, deadline));
    }

    private Map<String, Object> service(String type, int quantity, Integer minutes) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("type", type);
        service.put("quantity", quantity);
        if (minutes != null) {
            service.put("minutesPerVisit", minutes);
        }
        service.put("from", deliveryDay.minusDays(1).toString());
        service.put("to", deliveryDay.plusDays(29).toString());
        return service;
    }

    /** The provider learns its lines when the order says they are assigned; until then it looks again later. */
    private void deliverWhenAssigned(Batch batch, UUID orderId, List<Line> requested, long deadline) {
        JsonNode order = null;
        try {
            HttpResponse<String> answer = http.send(
                    tokens.authorize(
                                    HttpRequest.newBuilder(intake.next("/api/v1/care-orders/" + orderId)),
                                    Callers.WINDOW)
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                order = JSON.readTree(answer.body());
            }
        } catch (IOException | TokenClient.TokenException e) {
            // intake (or the issuer) is away: look again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        // in progress once a first delivery was heard: assigned all the same
        boolean assigned = order != null
                && ("ASSIGNED".equals(order.path("status").asString())
                        || "IN_PROGRESS".equals(order.path("status").asString()));
        if (assigned && hasLineWithoutProvider(order.path("lines"))) {
            // intake said ASSIGNED while a line has no provider: worth telling, and worth asking again
            batch.fail("order " + orderId + " ASSIGNED with a line that has no provider: " + order.path("lines"));
            assigned = false;
        }
        if (!assigned) {
            if (order != null) {
                acceptOpenOffers(order.path("lines"));
            }
            if (System.nanoTime() > deadline) {
                batch.deliveriesFailed.addAndGet(requested.size());
                batch.fail("order " + orderId + " not assigned in time");
                batch.inFlight.addAndGet(-requested.size());
                return;
            }
            providers.schedule(
                    () -> deliverWhenAssigned(batch, orderId, requested, deadline), 500, TimeUnit.MILLISECONDS);
            return;
        }
        JsonNode lines = order.path("lines");
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            Line wanted = requested.stream()
                    .filter(candidate ->
                            candidate.type().equals(line.path("serviceType").asString()))
                    .findFirst()
                    .orElseThrow();
            providers.execute(() -> deliver(batch, line, wanted));
        }
    }

    /**
     * The members say yes to whatever the window offered them of the order's lines (수락); a line's offer is found in
     * its explanation. A service away or an offer answered already is looked at again on the next round.
     */
    private void acceptOpenOffers(JsonNode lines) {
        for (JsonNode line : lines) {
            if (!line.path("providerId").asString().isBlank()) {
                continue;
            }
            try {
                HttpResponse<String> explanation = http.send(
                        tokens.authorize(
                                        HttpRequest.newBuilder(matching.next("/api/v1/assignments/"
                                                + line.path("lineId").asString() + "/explanation")),
                                        Callers.WINDOW)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (explanation.statusCode() != 200) {
                    continue;
                }
                for (JsonNode offer : JSON.readTree(explanation.body()).path("offers")) {
                    if ("OPEN".equals(offer.path("status").asString())) {
                        http.send(
                                tokens.authorize(
                                                HttpRequest.newBuilder(matching.next("/api/v1/offers/"
                                                        + offer.path("offerId").asString() + "/acceptance")),
                                                Callers.provider(
                                                        offer.path("providerId").asString()))
                                        .timeout(Duration.ofSeconds(5))
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    }
                }
            } catch (IOException | TokenClient.TokenException e) {
                // matching (or the issuer) is away: the next round asks again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean hasLineWithoutProvider(JsonNode lines) {
        for (JsonNode line : lines) {
            if (line.path("providerId").asString().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private void deliver(Batch batch, JsonNode line, Line wanted) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lineId", line.path("lineId").asString());
        report.put("providerId", line.path("providerId").asString());
        report.put("serviceDate", deliveryDay.toString());
        // a worker of its own per line: the drill's visits all start at nine
        report.put("workerRef", "W-" + line.path("lineId").asString().substring(0, 8));
        report.put("outcome", "DELIVERED");
        if (wanted.minutes() != null) {
            report.put("startTime", "09:00");
            report.put(
                    "endTime", LocalTime.of(9, 0).plusMinutes(wanted.minutes()).toString());
        } else {
            report.put("units", wanted.quantity());
        }
        HttpRequest.Builder post = HttpRequest.newBuilder()
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(report)));
        // Reported by the provider the line is assigned to, with that provider's token.
        Answer reply = untilAnswered(
                batch,
                matching,
                "/api/v1/deliveries",
                post,
                Callers.provider(line.path("providerId").asString()));
        HttpResponse<String> answer = reply.response();
        if (answer != null && answer.statusCode() == 201) {
            batch.delivered.incrementAndGet();
        } else if (answer != null && answer.statusCode() == 409 && reply.attempts() > 1) {
            // A repeat of a report whose first answer was lost: the first one was recorded.
            batch.delivered.incrementAndGet();
            batch.deliveryRepeatsFound.incrementAndGet();
        } else {
            batch.deliveriesFailed.incrementAndGet();
            batch.fail(answer == null ? "delivery never answered" : answer.statusCode() + " " + answer.body());
        }
        batch.inFlight.decrementAndGet();
    }

    /** The final answer (null if none came in time) and how many times the request was sent for it. */
    private record Answer(HttpResponse<String> response, int attempts) {}

    /**
     * The same request, as {@code caller}, until it gets an answer that is not "try again"; the token is looked up
     * at each attempt, so that a long outage never ends in a retry with an expired one.
     */
    private Answer untilAnswered(
            Batch batch, Instances service, String path, HttpRequest.Builder request, String caller) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int attempts = 0;
        while (System.nanoTime() < deadline) {
            attempts++;
            try {
                HttpRequest signed = tokens.authorize(request.copy().uri(service.next(path)), caller)
                        .build();
                HttpResponse<String> answer = http.send(signed, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 503) {
                    batch.shed.incrementAndGet();
                    pause(1_000
                            * answer.headers().firstValueAsLong("Retry-After").orElse(1));
                    continue;
                }
                if (answer.statusCode() >= 500) {
                    batch.retried.incrementAndGet();
                    pause(500);
                    continue;
                }
                return new Answer(answer, attempts);
            } catch (IOException | TokenClient.TokenException e) {
                batch.retried.incrementAndGet();
                pause(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(null, attempts);
            }
        }
        return new Answer(null, attempts);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    LocalDate deliveryDay() {
        return deliveryDay;
    }

    @Override
    public void close() {
        requests.shutdownNow();
        providers.shutdownNow();
    }
}
