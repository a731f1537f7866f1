package kr.dolbom.local;

import java.io.IOException;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import kr.dolbom.tokens.Callers;
import kr.dolbom.tokens.TokenClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick tour: one care order through its whole life against a running stack, over the services' REST
 * APIs only, printing each step: request, eligibility, assignment, delivery reports, charges, KPIs. Each call is
 * made as the demo caller whose work it is, with that caller's token from the stack's issuer: the window places
 * and follows the order, each provider reports its own delivery, the billing officer reads charges and
 * settlements, the city reads the KPIs.
 */
final class Demo {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final StackOptions options;
    private final TokenClient tokens;
    /**
     * The tour's residents' phone, new for each tour: a resident has one open order per service, and a stack keeps
     * its data, so a second tour on it with the first one's residents would be refused the first one's services.
     */
    private final String phone = String.format(
            "010-%04d-%04d",
            ThreadLocalRandom.current().nextInt(10_000),
            ThreadLocalRandom.current().nextInt(10_000));

    Demo(StackOptions options) {
        this.options = options;
        this.tokens = TokenClient.of(LocalIssuer.uri(options));
    }

    boolean run(PrintStream out) {
        try {
            tour(out);
            return true;
        } catch (TourFailure | TokenClient.TokenException | IOException e) {
            out.println("The tour stopped: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void tour(PrintStream out) throws IOException, InterruptedException {
        LocalDate today = LocalStack.today();
        // Never in the future, whatever the time of day; on the first of a month, in the month before the orders'.
        LocalDate deliveryDay = today.minusDays(1);
        YearMonth deliveryMonth = YearMonth.from(deliveryDay);

        JsonNode rejected = send(
                "POST",
                ServiceSpec.INTAKE,
                "/api/v1/care-requests",
                Callers.WINDOW,
                request(
                        "이정호",
                        today.minusYears(45),
                        "GENERAL",
                        deliveryDay,
                        List.of(Map.of("type", "MEAL_SUPPORT", "quantity", 5))));
        out.printf(
                "1. A 45-year-old without a disability asks for meals: care order %s %s (%s)%n",
                rejected.path("careOrderId").asString(),
                rejected.path("status").asString(),
                rejected.path("rejectionReason").asString());

        JsonNode placed = send(
                "POST",
                ServiceSpec.INTAKE,
                "/api/v1/care-requests",
                Callers.WINDOW,
                request(
                        "김복순",
                        today.minusYears(78),
                        "BASIC_LIVELIHOOD",
                        deliveryDay,
                        List.of(
                                Map.of("type", "TEMPORARY_HOME_CARE", "quantity", 1, "minutesPerVisit", 150),
                                Map.of("type", "MEAL_SUPPORT", "quantity", 10))));
        String order = placed.path("careOrderId").asString();
        out.printf(
                "2. A 78-year-old basic-livelihood recipient in 망원1동 asks for one 2 h 30 min home-care visit and "
                        + "10 meals: care order %s %s%n",
                order, placed.path("status").asString());

        // the care manager of 망원1동 visits and writes the plan, without which nothing is matched
        Map<String, Object> planned = Map.of(
                "lines",
                List.of(
                        planLine(placed, "TEMPORARY_HOME_CARE", 1, 150, deliveryDay),
                        planLine(placed, "MEAL_SUPPORT", 10, null, deliveryDay)));
        send("PUT", ServiceSpec.INTAKE, "/api/v1/care-orders/" + order + "/plan/draft", Callers.CARE_MANAGER, planned);
        send(
                "POST",
                ServiceSpec.INTAKE,
                "/api/v1/care-orders/" + order + "/plan/approval",
                Callers.CARE_MANAGER,
                Map.of());
        out.printf("   The care manager visits and approves the plan: the visit and the meals on %s%n", deliveryDay);
        out.println("   The window offers each line to a member of the consortium, and each member accepts:");
        for (JsonNode line : placed.path("lines")) {
            String lineId = line.path("lineId").asString();
            JsonNode offer = await(
                    "an offer of line " + lineId,
                    () -> openOffer(send(
                            "GET",
                            ServiceSpec.MATCHING,
                            "/api/v1/assignments/" + lineId + "/explanation",
                            Callers.WINDOW,
                            null)),
                    found -> found.has("offerId") || found.has("lastResort"));
            if (found(offer)) {
                String provider = offer.path("providerId").asString();
                send(
                        "POST",
                        ServiceSpec.MATCHING,
                        "/api/v1/offers/" + offer.path("offerId").asString() + "/acceptance",
                        Callers.provider(provider),
                        Map.of());
                out.printf(
                        "     %-20s offered to %s, accepted%n",
                        line.path("serviceType").asString(), provider);
            }
        }

        JsonNode assigned = await(
                "the order's lines to be assigned",
                () -> send("GET", ServiceSpec.INTAKE, "/api/v1/care-orders/" + order, Callers.WINDOW, null),
                node -> "ASSIGNED".equals(node.path("status").asString())
                        || "IN_PROGRESS".equals(node.path("status").asString()));
        // Intake's own date, which may be a day on from ours at midnight: the orders count in its month.
        YearMonth ordersMonth =
                YearMonth.from(LocalDate.parse(assigned.path("requestedOn").asString()));
        out.println("3. Both lines are matched to providers of the district's consortium:");
        JsonNode homeCare = null;
        JsonNode meals = null;
        for (JsonNode line : assigned.path("lines")) {
            out.printf(
                    "     %-20s -> %s%s%n",
                    line.path("serviceType").asString(),
                    line.path("providerId").asString(),
                    line.path("lastResort").asBoolean() ? " (public centre, provider of last resort)" : "");
            if ("TEMPORARY_HOME_CARE".equals(line.path("serviceType").asString())) {
                homeCare = line;
            } else {
                meals = line;
            }
        }
        if (homeCare == null || meals == null) {
            throw new TourFailure("the order came back without its two lines: " + assigned);
        }

        JsonNode visit = send(
                "POST",
                ServiceSpec.MATCHING,
                "/api/v1/deliveries",
                Callers.provider(homeCare.path("providerId").asString()),
                Map.of(
                        "lineId",
                        homeCare.path("lineId").asString(),
                        "providerId",
                        homeCare.path("providerId").asString(),
                        "serviceDate",
                        deliveryDay.toString(),
                        "startTime",
                        "09:00",
                        "endTime",
                        "11:30",
                        "workerRef",
                        "CARER-0417",
                        "outcome",
                        "DELIVERED"));
        JsonNode mealBox = send(
                "POST",
                ServiceSpec.MATCHING,
                "/api/v1/deliveries",
                Callers.provider(meals.path("providerId").asString()),
                Map.of(
                        "lineId",
                        meals.path("lineId").asString(),
                        "providerId",
                        meals.path("providerId").asString(),
                        "serviceDate",
                        deliveryDay.toString(),
                        "units",
                        10,
                        "workerRef",
                        "DRIVER-07",
                        "outcome",
                        "DELIVERED"));
        out.printf("4. The providers report their work for %s: a visit 09:00-11:30 and 10 meals%n", deliveryDay);

        JsonNode visitCharge = charge(visit);
        JsonNode mealCharge = charge(mealBox);
        out.printf("5. Billing prices each delivery by the tariff in force on its day:%n");
        out.printf(
                "     visit  %,9d KRW  (public %,d, co-payment %,d; tariff %s)%n",
                visitCharge.path("amount").asLong(),
                visitCharge.path("publicShare").asLong(),
                visitCharge.path("coPayment").asLong(),
                visitCharge.path("tariffId").asString());
        out.printf(
                "     meals  %,9d KRW  (public %,d, co-payment %,d; tariff %s)%n",
                mealCharge.path("amount").asLong(),
                mealCharge.path("publicShare").asLong(),
                mealCharge.path("coPayment").asLong(),
                mealCharge.path("tariffId").asString());
        JsonNode settlement = send(
                "GET",
                ServiceSpec.BILLING,
                "/api/v1/settlements?provider=" + homeCare.path("providerId").asString() + "&month=" + deliveryMonth,
                Callers.BILLING,
                null);
        out.printf(
                "     %s's settlement for %s so far: %,d KRW for %d delivery(ies)%n",
                homeCare.path("providerId").asString(),
                deliveryMonth,
                settlement.path("amount").asLong(),
                settlement.path("deliveries").asLong());

        // Orders count in the month they were requested, deliveries and charges in the month of service.
        JsonNode delivered = await(
                "the KPIs to count the meals",
                () -> kpis(deliveryMonth),
                node -> node.path("meals").asLong() >= 10);
        JsonNode requested = await(
                "the KPIs to count the order",
                () -> kpis(ordersMonth),
                node -> node.path("orders").path("placed").asLong() >= 1);
        JsonNode orders = requested.path("orders");
        out.printf("6. The district's KPIs (all tours so far):%n");
        out.printf(
                "     orders requested in %s: %d placed, %d rejected, match rate %s%n",
                ordersMonth,
                orders.path("placed").asLong(),
                orders.path("rejected").asLong(),
                matchRate(orders, ordersMonth));
        out.printf(
                "     services delivered in %s: %d meals delivered, %d resident(s) served, %,d KRW charged%n",
                deliveryMonth,
                delivered.path("meals").asLong(),
                delivered.path("usersServed").path("total").asLong(),
                delivered.path("charges").path("amount").asLong());
        out.println("Done: one request, two providers, two deliveries, two charges, and the city's figures.");
    }

    private JsonNode kpis(YearMonth month) throws IOException, InterruptedException {
        return send(
                "GET", ServiceSpec.REPORTING, "/api/v1/kpis/monthly?district=mapo&month=" + month, Callers.CITY, null);
    }

    /** Reporting has no rate for a month in which no line was requested: there is nothing to divide by. */
    static String matchRate(JsonNode orders, YearMonth month) {
        JsonNode rate = orders.path("matchRate");
        if (!rate.isNumber()) {
            return "n/a (no line requested in " + month + ")";
        }
        return rate.decimalValue()
                        .movePointRight(2)
                        .setScale(1, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
    }

    private JsonNode charge(JsonNode delivery) throws IOException, InterruptedException {
        String id = delivery.path("deliveryId").asString();
        return await(
                "delivery " + id + " to be charged",
                () -> send("GET", ServiceSpec.BILLING, "/api/v1/charges/by-delivery/" + id, Callers.BILLING, null),
                node -> node.has("amount"));
    }

    /** Lines whose care plan covers the delivery day: matching refuses a delivery outside it. */
    private Map<String, Object> request(
            String name, LocalDate birthDate, String tier, LocalDate deliveryDay, List<Map<String, Object>> services) {
        return Map.of(
                "resident",
                Map.of(
                        "name",
                        name,
                        "birthDate",
                        birthDate.toString(),
                        "phone",
                        phone,
                        "address",
                        "서울특별시 마포구 월드컵로 1",
                        "dong",
                        "mangwon1",
                        "disabled",
                        false,
                        "incomeTier",
                        tier),
                "district",
                "mapo",
                "channel",
                "HOSPITAL_REFERRAL",
                "urgent",
                false,
                "services",
                services.stream()
                        .map(service -> {
                            Map<String, Object> line = new LinkedHashMap<>(service);
                            line.put("from", deliveryDay.minusDays(1).toString());
                            line.put("to", deliveryDay.plusDays(29).toString());
                            return line;
                        })
                        .toList());
    }

    /** A plan line of {@code type}: {@code quantity} on {@code day}, within the period the request asked for. */
    private Map<String, Object> planLine(JsonNode placed, String type, int quantity, Integer minutes, LocalDate day) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (JsonNode requested : placed.path("lines")) {
            if (type.equals(requested.path("serviceType").asString())) {
                line.put("lineId", requested.path("lineId").asString());
            }
        }
        line.put("quantityPerOccurrence", quantity);
        if (minutes != null) {
            line.put("minutesPerVisit", minutes);
        }
        line.put("dates", List.of(day.toString()));
        line.put("startsOn", day.minusDays(1).toString());
        line.put("endsOn", day.plusDays(29).toString());
        return line;
    }

    private JsonNode send(String method, ServiceSpec service, String path, String caller, Object body)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + options.port(service) + path);
        HttpRequest.Builder request = tokens.authorize(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json"),
                caller);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new TourFailure(service.name + " does not answer at " + uri.getAuthority()
                    + "; is the stack running (deploy/local/run.sh)?");
        }
        if (response.statusCode() == 404 && body == null) {
            return JSON.createObjectNode();
        }
        if (response.statusCode() >= 300) {
            throw new TourFailure(method + " " + path + " as " + caller + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode await(String what, Call call, Predicate<JsonNode> done) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new TourFailure("waited " + PATIENCE.toSeconds() + " s for " + what + "; last answer: " + last);
    }

    /**
     * The line's open offer from its explanation, or the explanation itself once the public centre took the line
     * (nobody to accept it), or nothing while the line is not offered yet.
     */
    private static JsonNode openOffer(JsonNode explanation) {
        if (explanation.path("lastResort").asBoolean()) {
            return explanation;
        }
        for (JsonNode offer : explanation.path("offers")) {
            if ("OPEN".equals(offer.path("status").asString())) {
                return offer;
            }
        }
        return JSON.createObjectNode();
    }

    private static boolean found(JsonNode offer) {
        return offer.has("offerId") && !offer.has("lastResort");
    }

    private interface Call {
        JsonNode get() throws IOException, InterruptedException;
    }

    private static final class TourFailure extends RuntimeException {
        TourFailure(String message) {
            super(message, null, false, false);
        }
    }
}
