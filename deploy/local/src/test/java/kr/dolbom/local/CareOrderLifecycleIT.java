package kr.dolbom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import kr.dolbom.events.CareTopics;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import kr.dolbom.tokens.Callers;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * One care order through all four services on one broker, each service on its own database, driven only
 * through their REST APIs as the window, the providers, the billing officer and the city would, each with a token
 * of the local issuer.
 */
class CareOrderLifecycleIT {

    private static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();
    /** Deliveries are reported for yesterday: never in the future. */
    private static final LocalDate DAY =
            LocalDate.now(PlatformAutoConfiguration.SEOUL).minusDays(1);

    private static final YearMonth MONTH = YearMonth.from(DAY);

    private static FourServices services;

    @BeforeAll
    static void startTheFourServices() {
        services = new FourServices(INFRASTRUCTURE);
    }

    @AfterAll
    static void stopThem() {
        services.close();
    }

    @Test
    void aRecipientsVisitAndMealsGoFromRequestToChargeAndIntoTheDistrictsFigures() {
        JsonNode placed = request(
                78,
                "BASIC_LIVELIHOOD",
                List.of(
                        Map.of("type", "TEMPORARY_HOME_CARE", "quantity", 1, "minutesPerVisit", 150),
                        Map.of("type", "MEAL_SUPPORT", "quantity", 10)));
        assertThat(placed.path("status").asString()).isEqualTo("PLACED");
        String order = placed.path("careOrderId").asString();
        // the care manager's plan: the visit and the ten meals on the day they will be delivered
        approvePlan(
                order,
                Map.of(
                        "lineId",
                        line(placed, "TEMPORARY_HOME_CARE").path("lineId").asString(),
                        "quantityPerOccurrence",
                        1,
                        "minutesPerVisit",
                        150,
                        "dates",
                        List.of(DAY.toString()),
                        "startsOn",
                        DAY.minusDays(1).toString(),
                        "endsOn",
                        DAY.plusDays(29).toString()),
                Map.of(
                        "lineId",
                        line(placed, "MEAL_SUPPORT").path("lineId").asString(),
                        "quantityPerOccurrence",
                        10,
                        "dates",
                        List.of(DAY.toString()),
                        "startsOn",
                        DAY.minusDays(1).toString(),
                        "endsOn",
                        DAY.plusDays(29).toString()));

        acceptOffers(placed);
        JsonNode assigned = eventually()
                .until(
                        () -> get(services.intake, Callers.WINDOW, "/api/v1/care-orders/" + order),
                        node -> "ASSIGNED".equals(node.path("status").asString()));
        // The same read without a token: security is on, so the tokens above were checked.
        services.intake
                .http()
                .get()
                .uri("/api/v1/care-orders/" + order)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        JsonNode homeCare = line(assigned, "TEMPORARY_HOME_CARE");
        JsonNode meals = line(assigned, "MEAL_SUPPORT");
        assertThat(homeCare.path("providerId").asString()).isNotBlank();
        assertThat(meals.path("providerId").asString()).isNotBlank();

        JsonNode visit = post(
                services.matching,
                Callers.provider(homeCare.path("providerId").asString()),
                "/api/v1/deliveries",
                Map.of(
                        "lineId",
                        homeCare.path("lineId").asString(),
                        "providerId",
                        homeCare.path("providerId").asString(),
                        "serviceDate",
                        DAY.toString(),
                        "startTime",
                        "09:00",
                        "endTime",
                        "11:30",
                        "workerRef",
                        "CARER-0417",
                        "outcome",
                        "DELIVERED"));
        post(
                services.matching,
                Callers.provider(meals.path("providerId").asString()),
                "/api/v1/deliveries",
                Map.of(
                        "lineId",
                        meals.path("lineId").asString(),
                        "providerId",
                        meals.path("providerId").asString(),
                        "serviceDate",
                        DAY.toString(),
                        "units",
                        10,
                        "workerRef",
                        "DRIVER-07",
                        "outcome",
                        "DELIVERED"));

        JsonNode charge = eventually()
                .until(
                        () -> get(
                                services.billing,
                                Callers.BILLING,
                                "/api/v1/charges/by-delivery/"
                                        + visit.path("deliveryId").asString()),
                        node -> node.has("amount"));
        assertThat(charge.path("amount").asLong()).isEqualTo(38_340);
        assertThat(charge.path("publicShare").asLong()).isEqualTo(38_340);
        assertThat(charge.path("coPayment").asLong()).isZero();
        assertThat(charge.path("tariffId").asString()).isEqualTo("care-sos-2021-home-care");

        JsonNode mealVolume = eventually()
                .until(
                        () -> get(
                                services.reporting,
                                Callers.CITY,
                                "/api/v1/kpis/meal-volume?district=mapo&month=" + MONTH),
                        node -> node.path("meals").asLong() > 0);
        assertThat(mealVolume.path("meals").asLong()).isEqualTo(10);
    }

    @Test
    void aPlannedOrderOnHoldTakesNoDeliveriesUntilItResumesAndTheFiguresCountBoth() {
        LocalDate today = DAY.plusDays(1);
        JsonNode placed = request(81, "NEAR_POOR", List.of(Map.of("type", "MEAL_SUPPORT", "quantity", 20)));
        String order = placed.path("careOrderId").asString();

        // the care manager's plan, without which nothing is matched: a meal every day, for ten days from today
        LocalDate planEnd = today.plusDays(10);
        approvePlan(
                        order,
                        Map.of(
                                "lineId",
                                line(placed, "MEAL_SUPPORT").path("lineId").asString(),
                                "quantityPerOccurrence",
                                1,
                                "rule",
                                "FREQ=DAILY",
                                "startsOn",
                                DAY.minusDays(1).toString(),
                                "endsOn",
                                planEnd.toString()))
                .jsonPath("$.occurrences.length()")
                .isEqualTo(13);
        acceptOffers(placed);
        JsonNode meals = line(
                eventually()
                        .until(
                                () -> get(services.intake, Callers.WINDOW, "/api/v1/care-orders/" + order),
                                node -> "ASSIGNED".equals(node.path("status").asString())),
                "MEAL_SUPPORT");
        String provider = meals.path("providerId").asString();
        Map<String, Object> todaysMeals = Map.of(
                "lineId",
                meals.path("lineId").asString(),
                "providerId",
                provider,
                "serviceDate",
                today.toString(),
                "units",
                2,
                "workerRef",
                "DRIVER-07",
                "outcome",
                "DELIVERED");
        assertThat(services.matching.count(
                        "select count(*) from line_assignment where care_order_id = :id and ends_on = '" + planEnd
                                + "' and quantity = 13",
                        UUID.fromString(order)))
                .as("matched as planned: thirteen meals, to the plan's end")
                .isEqualTo(1);

        change(order, "hold", Map.of("reason", "HOSPITAL_ADMISSION", "note", "입원"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ON_HOLD");
        UUID id = UUID.fromString(order);
        // matching hears of the hold on its own time; a report before that would still go through
        eventually()
                .until(() ->
                        services.matching.count("select count(*) from order_pause where care_order_id = :id", id) == 1);
        report(provider, todaysMeals)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("serviceDate");

        change(order, "resume", Map.of())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ASSIGNED");
        eventually()
                .until(() -> services.matching.count(
                                "select count(*) from order_pause where care_order_id = :id and resumed_on is not null",
                                id)
                        == 1);
        report(provider, todaysMeals).expectStatus().isCreated();

        eventually()
                .until(
                        () -> get(
                                services.reporting,
                                Callers.CITY,
                                "/api/v1/kpis/orders?district=mapo&month=" + YearMonth.from(today)),
                        node -> node.path("changes").path("held").asLong() >= 1
                                && node.path("changes").path("resumed").asLong() >= 1);
    }

    /** 돌봄계획: the care manager drafts the order's plan and approves it; answers the approval's body. */
    @SafeVarargs
    private static WebTestClient.BodyContentSpec approvePlan(String order, Map<String, Object>... lines) {
        services.intake
                .as(Callers.CARE_MANAGER)
                .put()
                .uri("/api/v1/care-orders/" + order + "/plan/draft")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", List.of(lines)))
                .exchange()
                .expectStatus()
                .isOk();
        return services.intake
                .as(Callers.CARE_MANAGER)
                .post()
                .uri("/api/v1/care-orders/" + order + "/plan/approval")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.currentVersion")
                .isEqualTo(1);
    }

    private static WebTestClient.ResponseSpec change(String order, String change, Map<String, Object> body) {
        return services.intake
                .as(Callers.WINDOW)
                .post()
                .uri("/api/v1/care-orders/" + order + "/" + change)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.ResponseSpec report(String provider, Map<String, Object> delivery) {
        return services.matching
                .as(Callers.provider(provider))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(delivery)
                .exchange();
    }

    /**
     * 응답 기한: a deadline is a row, not a timer. Matching stops with an offer open, the deadline passes while it is
     * down, and the first sweep after its restart declines the offer as expired and offers the line to the next
     * member.
     */
    @Test
    void anOfferWhoseDeadlinePassedWhileMatchingWasDownExpiresAfterTheRestartAndGoesToTheNextMember() {
        JsonNode placed = request(86, "BASIC_LIVELIHOOD", List.of(Map.of("type", "MEAL_SUPPORT", "quantity", 5)), true);
        String lineId = line(placed, "MEAL_SUPPORT").path("lineId").asString();
        String explanation = "/api/v1/assignments/" + lineId + "/explanation";
        JsonNode first = eventually()
                .until(() -> openOffer(get(services.matching, Callers.WINDOW, explanation)), found -> found != null);
        assertThat(first.has("offerId"))
                .as("a member, not the public centre, is offered the line")
                .isTrue();

        services.restartMatching("update line_offer set answer_by = offered_at + interval '1 millisecond'"
                + " where offer_id = '" + first.path("offerId").asString() + "'");

        JsonNode offers = eventually()
                .atMost(Duration.ofMinutes(3))
                .until(
                        () -> get(services.matching, Callers.WINDOW, explanation)
                                .path("offers"),
                        made -> made.size() == 2);
        assertThat(offers.get(0).path("offerId").asString())
                .isEqualTo(first.path("offerId").asString());
        assertThat(offers.get(0).path("status").asString()).isEqualTo("EXPIRED");
        assertThat(offers.get(1).path("status").asString()).isEqualTo("OPEN");
        assertThat(offers.get(1).path("providerId").asString())
                .isNotEqualTo(first.path("providerId").asString());
    }

    @Test
    void anIneligibleRequestIsRejectedAndNothingIsMatchedOrCharged() {
        JsonNode rejected = request(45, "GENERAL", List.of(Map.of("type", "MEAL_SUPPORT", "quantity", 5)));
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("rejectionReason").asString()).isEqualTo("NOT_IN_TARGET_GROUP");
        UUID order = UUID.fromString(rejected.path("careOrderId").asString());

        try (KafkaTestClient kafka = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers())) {
            kafka.awaitHandled(CareTopics.ORDERS, "matching-service", order);
        }
        eventually()
                .until(
                        () -> get(
                                services.reporting,
                                Callers.CITY,
                                "/api/v1/kpis/orders?district=mapo&month="
                                        + YearMonth.now(PlatformAutoConfiguration.SEOUL)),
                        node -> node.path("rejected").asLong() >= 1);
        assertThat(services.matching.count("select count(*) from line_assignment where care_order_id = :id", order))
                .isZero();
        assertThat(services.billing.count("select count(*) from charge where care_order_id = :id", order))
                .isZero();
    }

    private static JsonNode request(int age, String incomeTier, List<Map<String, Object>> lines) {
        return request(age, incomeTier, lines, false);
    }

    /** An urgent request (긴급) is matched at once, without waiting for a care plan. */
    private static JsonNode request(int age, String incomeTier, List<Map<String, Object>> lines, boolean urgent) {
        return post(
                services.intake,
                Callers.WINDOW,
                "/api/v1/care-requests",
                Map.of(
                        "resident",
                        Map.of(
                                "name",
                                "박순례",
                                "birthDate",
                                DAY.minusYears(age).minusDays(3).toString(),
                                "phone",
                                "010-5555-" + (1000 + age),
                                "address",
                                "서울특별시 마포구 망원로 3",
                                "dong",
                                "mangwon1",
                                "disabled",
                                false,
                                "incomeTier",
                                incomeTier),
                        "district",
                        "mapo",
                        "channel",
                        "DONG_CENTRE",
                        "urgent",
                        urgent,
                        "services",
                        lines.stream()
                                .map(service -> {
                                    Map<String, Object> line = new java.util.LinkedHashMap<>(service);
                                    line.put("from", DAY.minusDays(1).toString());
                                    line.put("to", DAY.plusDays(29).toString());
                                    return line;
                                })
                                .toList()));
    }

    /**
     * One order, one trace: the window's request starts it, and every service's handling of what it caused (the
     * order placed, its line offered) continues it through the outbox and the broker, up to the city's figures.
     * Printed as the span list an operator's trace view would show.
     */
    @Test
    void oneOrderIsOneTraceFromTheWindowsRequestToTheCitysFigures() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);
        String callersSpan = "00f067aa0ba902b7";
        JsonNode placed = services.intake
                .as(Callers.WINDOW)
                .post()
                .uri("/api/v1/care-requests")
                .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "resident",
                        Map.of(
                                "name",
                                "추적순",
                                "birthDate",
                                DAY.minusYears(84).toString(),
                                "phone",
                                "010-5555-7777",
                                "address",
                                "서울특별시 마포구 망원로 9",
                                "dong",
                                "mangwon1",
                                "disabled",
                                false,
                                "incomeTier",
                                "BASIC_LIVELIHOOD"),
                        "district",
                        "mapo",
                        "channel",
                        "DONG_CENTRE",
                        // 긴급: matched at once, so the offer is part of the request's trace (a plan is a request of its
                        // own)
                        "urgent",
                        true,
                        "services",
                        List.of(Map.of(
                                "type",
                                "MEAL_SUPPORT",
                                "quantity",
                                5,
                                "from",
                                DAY.toString(),
                                "to",
                                DAY.plusDays(29).toString()))))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(placed.path("status").asString()).isEqualTo("PLACED");

        // The request's trace runs through the placement, the first offer and the city's figures. A provider's
        // acceptance and a delivery report are requests of their own, each a trace of its own onwards (to billing).
        List<String> services3 = List.of("intake", "matching", "reporting");
        List<FourServices.TracedSpan> trace = eventually()
                .until(
                        () -> services.spans.stream()
                                .filter(traced -> traced.span().getTraceId().equals(traceId))
                                .sorted(Comparator.comparing(
                                        traced -> traced.span().getStartTimestamp()))
                                .toList(),
                        spans -> spans.stream()
                                        .map(FourServices.TracedSpan::service)
                                        .collect(Collectors.toSet())
                                        .containsAll(services3)
                                && spans.stream()
                                        .anyMatch(traced ->
                                                traced.span().getName().equals("first offer"))
                                && orphans(spans, callersSpan).isEmpty());
        System.out.println("The trace of order " + placed.path("careOrderId").asString() + " (" + traceId + "):");
        trace.forEach(traced -> System.out.printf(
                "  %-9s %-8s %-40s %5d ms  span %s, parent %s%n",
                traced.service(),
                Objects.requireNonNullElse(traced.span().getKind(), "INTERNAL"),
                traced.span().getName(),
                Duration.between(
                                traced.span().getStartTimestamp(), traced.span().getEndTimestamp())
                        .toMillis(),
                traced.span().getSpanId(),
                traced.span().getParentId()));
        assertThat(trace)
                .as("the request itself, served by intake as a child of the caller's span")
                .anyMatch(traced -> traced.service().equals("intake")
                        && callersSpan.equals(traced.span().getParentId()));
    }

    /** Spans whose parent is neither in the trace nor the caller's own: a hop where the context was lost. */
    private static List<FourServices.TracedSpan> orphans(List<FourServices.TracedSpan> trace, String callersSpan) {
        Set<String> ids = new HashSet<>();
        trace.forEach(traced -> ids.add(traced.span().getSpanId()));
        ids.add(callersSpan);
        return trace.stream()
                .filter(traced -> !ids.contains(traced.span().getParentId()))
                .toList();
    }

    /** Each line's member accepts the offer the window made it (a line the public centre took has none). */
    private void acceptOffers(JsonNode placed) {
        for (JsonNode line : placed.path("lines")) {
            String lineId = line.path("lineId").asString();
            JsonNode offer = eventually()
                    .until(
                            () -> openOffer(get(
                                    services.matching,
                                    Callers.WINDOW,
                                    "/api/v1/assignments/" + lineId + "/explanation")),
                            found -> found != null);
            if (offer.has("offerId")) {
                services.matching
                        .as(Callers.provider(offer.path("providerId").asString()))
                        .post()
                        .uri(
                                "/api/v1/offers/{offer}/acceptance",
                                offer.path("offerId").asString())
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        }
    }

    /** The open offer in a line's explanation; the explanation once the public centre took it; else null. */
    private static JsonNode openOffer(JsonNode explanation) {
        if (explanation == null) {
            return null;
        }
        if (explanation.path("lastResort").asBoolean()) {
            return tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        for (JsonNode offer : explanation.path("offers")) {
            if ("OPEN".equals(offer.path("status").asString())) {
                return offer;
            }
        }
        return null;
    }

    private static JsonNode line(JsonNode order, String serviceType) {
        for (JsonNode line : order.path("lines")) {
            if (serviceType.equals(line.path("serviceType").asString())) {
                return line;
            }
        }
        throw new AssertionError("no " + serviceType + " line in " + order);
    }

    private static JsonNode post(FourServices.Service service, String caller, String path, Object body) {
        return service.as(caller)
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static JsonNode get(FourServices.Service service, String caller, String path) {
        return service.as(caller)
                .get()
                .uri(path)
                .exchange()
                .returnResult(JsonNode.class)
                .getResponseBody()
                .blockFirst(Duration.ofSeconds(60));
    }

    private static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200));
    }
}
