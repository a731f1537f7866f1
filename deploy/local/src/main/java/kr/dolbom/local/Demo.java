package kr.dolbom.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick tour: one care order through its whole life against a running stack, over the services' REST
 * APIs only, printing each step: request, eligibility, assignment, delivery reports, charges, KPIs.
 */
final class Demo {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final StackOptions options;

    Demo(StackOptions options) {
        this.options = options;
    }

    boolean run(PrintStream out) {
        try {
            tour(out);
            return true;
        } catch (TourFailure | IOException e) {
            out.println("The tour stopped: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void tour(PrintStream out) throws IOException, InterruptedException {
        // Everything happens yesterday, so that no report is in the future and all of it falls in one month.
        LocalDate day = LocalStack.today().minusDays(1);
        YearMonth month = YearMonth.from(day);

        JsonNode rejected = send("POST", ServiceSpec.INTAKE, "/api/v1/care-requests",
                request("이정호", day.minusYears(45), "GENERAL", day, List.of(Map.of("type", "MEAL_SUPPORT", "quantity", 5))));
        out.printf("1. A 45-year-old without a disability asks for meals: care order %s %s (%s)%n",
                rejected.path("careOrderId").asString(), rejected.path("status").asString(),
                rejected.path("rejectionReason").asString());

        JsonNode placed = send("POST", ServiceSpec.INTAKE, "/api/v1/care-requests", request("김복순",
                day.minusYears(78), "BASIC_LIVELIHOOD", day, List.of(
                        Map.of("type", "TEMPORARY_HOME_CARE", "quantity", 1, "minutesPerVisit", 150),
                        Map.of("type", "MEAL_SUPPORT", "quantity", 10))));
        String order = placed.path("careOrderId").asString();
        out.printf("2. A 78-year-old basic-livelihood recipient in 망원1동 asks for one 2 h 30 min home-care visit and "
                + "10 meals: care order %s %s%n", order, placed.path("status").asString());

        JsonNode assigned = await("the order's lines to be assigned", () -> send("GET", ServiceSpec.INTAKE,
                "/api/v1/care-orders/" + order, null), node -> "ASSIGNED".equals(node.path("status").asString()));
        out.println("3. Both lines are matched to providers of the district's consortium:");
        JsonNode homeCare = null;
        JsonNode meals = null;
        for (JsonNode line : assigned.path("lines")) {
            out.printf("     %-20s -> %s%s%n", line.path("serviceType").asString(), line.path("providerId").asString(),
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

        JsonNode visit = send("POST", ServiceSpec.MATCHING, "/api/v1/deliveries", Map.of(
                "lineId", homeCare.path("lineId").asString(), "providerId", homeCare.path("providerId").asString(),
                "serviceDate", day.toString(), "startTime", "09:00", "endTime", "11:30"));
        JsonNode mealBox = send("POST", ServiceSpec.MATCHING, "/api/v1/deliveries", Map.of(
                "lineId", meals.path("lineId").asString(), "providerId", meals.path("providerId").asString(),
                "serviceDate", day.toString(), "units", 10));
        out.printf("4. The providers report their work for %s: a visit 09:00-11:30 and 10 meals%n", day);

        JsonNode visitCharge = charge(visit);
        JsonNode mealCharge = charge(mealBox);
        out.printf("5. Billing prices each delivery by the tariff in force on its day:%n");
        out.printf("     visit  %,9d KRW  (public %,d, co-payment %,d; tariff %s)%n", visitCharge.path("amount").asLong(),
                visitCharge.path("publicShare").asLong(), visitCharge.path("coPayment").asLong(),
                visitCharge.path("tariffId").asString());
        out.printf("     meals  %,9d KRW  (public %,d, co-payment %,d; tariff %s)%n", mealCharge.path("amount").asLong(),
                mealCharge.path("publicShare").asLong(), mealCharge.path("coPayment").asLong(),
                mealCharge.path("tariffId").asString());
        JsonNode settlement = send("GET", ServiceSpec.BILLING, "/api/v1/settlements?provider="
                + homeCare.path("providerId").asString() + "&month=" + month, null);
        out.printf("     %s's settlement for %s so far: %,d KRW for %d delivery(ies)%n",
                homeCare.path("providerId").asString(), month, settlement.path("amount").asLong(),
                settlement.path("deliveries").asLong());

        JsonNode kpis = await("the KPIs to count the meals", () -> send("GET", ServiceSpec.REPORTING,
                "/api/v1/kpis/monthly?district=mapo&month=" + month, null), node -> node.path("meals").asLong() >= 10);
        out.printf("6. The district's KPIs for %s (all tours so far): %d orders placed, %d rejected, match rate %s, "
                        + "%d meals delivered, %d residents served, %,d KRW charged%n", month,
                kpis.path("orders").path("placed").asLong(), kpis.path("orders").path("rejected").asLong(),
                kpis.path("orders").path("matchRate").asString(), kpis.path("meals").asLong(),
                kpis.path("usersServed").path("total").asLong(), kpis.path("charges").path("amount").asLong());
        out.println("Done: one request, two providers, two deliveries, two charges, and the city's figures.");
    }

    private JsonNode charge(JsonNode delivery) throws IOException, InterruptedException {
        String id = delivery.path("deliveryId").asString();
        return await("delivery " + id + " to be charged", () -> send("GET", ServiceSpec.BILLING,
                "/api/v1/charges/by-delivery/" + id, null), node -> node.has("amount"));
    }

    private static Map<String, Object> request(String name, LocalDate birthDate, String tier, LocalDate day,
            List<Map<String, Object>> services) {
        return Map.of(
                "resident", Map.of("name", name, "birthDate", birthDate.toString(), "phone", "010-1234-5678",
                        "address", "서울특별시 마포구 월드컵로 1", "dong", "mangwon1", "disabled", false,
                        "incomeTier", tier),
                "district", "mapo",
                "channel", "HOSPITAL_REFERRAL",
                "urgent", false,
                "services", services.stream().map(service -> {
                    Map<String, Object> line = new java.util.LinkedHashMap<>(service);
                    line.put("from", day.minusDays(1).toString());
                    line.put("to", day.plusDays(29).toString());
                    return line;
                }).toList());
    }

    private JsonNode send(String method, ServiceSpec service, String path, Object body)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + options.port(service) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
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
            throw new TourFailure(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
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

    private interface Call {
        JsonNode get() throws IOException, InterruptedException;
    }

    private static final class TourFailure extends RuntimeException {
        TourFailure(String message) {
            super(message, null, false, false);
        }
    }
}
