package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

class DeliveryApiIT extends MatchingIntegrationTest {

    private static LocalDate today() {
        return LocalDate.now(PlatformAutoConfiguration.SEOUL);
    }

    private static LocalDate yesterday() {
        return today().minusDays(1);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssignedLines lines;

    @BeforeEach
    void anOrderIsMatched() {
        lines = AssignedLines.placeAndMatch(db, members());
    }

    @Test
    void aVisitReportedByItsProviderIsRecordedAndAnnouncedWithWhatBillingNeeds() {
        String location = report(visit(yesterday(), "09:00", "11:30"))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/deliveries/[0-9a-f-]{36}")
                .returnResult(Void.class)
                .getResponseHeaders()
                .getLocation()
                .toString();

        ServiceDelivered delivered = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.DELIVERIES, lines.careOrderId(), ServiceDelivered.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(delivered.lineId()).isEqualTo(lines.homeCare().lineId());
        assertThat(delivered.providerId()).isEqualTo(lines.homeCare().providerId());
        assertThat(delivered.incomeTier()).isEqualTo(IncomeTier.BASIC_LIVELIHOOD);
        assertThat(delivered.district()).isEqualTo(lines.homeCare().district());
        assertThat(delivered.residentRef()).isNotNull();
        assertThat(delivered.serviceDate()).isEqualTo(yesterday());
        assertThat(delivered.startTime()).hasToString("09:00");
        assertThat(delivered.endTime()).hasToString("11:30");
        assertThat(delivered.units()).isNull();
        as(TestTokens.window(lines.homeCare().district()))
                .get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.deliveryId")
                .isEqualTo(delivered.deliveryId().toString());
    }

    @Test
    void mealsAreCountedAgainstThePlanAndTheFinishedLineGivesItsCapacityBack() {
        report(meals(today().minusDays(2), 6)).expectStatus().isCreated();
        assertThat(activeLines(lines.meals().providerId())).isEqualTo(1);

        report(meals(yesterday(), 5))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("units");
        report(meals(yesterday(), 4)).expectStatus().isCreated();

        assertThat(count("select delivered from line_assignment where line_id = '"
                        + lines.meals().lineId() + "'"))
                .isEqualTo(10);
        assertThat(activeLines(lines.meals().providerId())).isZero();
        assertThat(eventually()
                        .until(
                                () -> KAFKA.events(CareTopics.DELIVERIES, lines.careOrderId(), ServiceDelivered.class),
                                events -> events.size() == 2))
                .extracting(ServiceDelivered::units)
                .containsExactlyInAnyOrder(6, 4);
    }

    @Test
    void theSameVisitReportedTwiceOrOverlappingAnotherIsAConflict() {
        report(visit(yesterday(), "09:00", "11:30")).expectStatus().isCreated();

        report(visit(yesterday(), "09:00", "11:30"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        report(visit(yesterday(), "10:00", "12:00")).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        report(visit(yesterday(), "11:30", "12:00")).expectStatus().isCreated();
        report(visit(today().minusDays(2), "09:00", "10:00"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lineId");
    }

    @Test
    void onlyTheAssignedProviderReportsAndOnlyForKnownLinesWithinTheirPeriod() {
        Map<String, Object> byAnother = visit(yesterday(), "09:00", "10:00");
        byAnother.put("providerId", lines.otherProvider());
        // another provider's line is, to it, a line that does not exist
        report(byAnother).expectStatus().isNotFound();
        // and no provider reports in another's name
        as(TestTokens.provider(lines.homeCare().district(), lines.otherProvider()))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(visit(yesterday(), "09:00", "10:00")))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("providerId");
        assertThat(count("select count(*) from delivery where line_id = '"
                        + lines.homeCare().lineId() + "'"))
                .isZero();

        Map<String, Object> unknownLine = visit(yesterday(), "09:00", "10:00");
        unknownLine.put("lineId", java.util.UUID.randomUUID().toString());
        report(unknownLine).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        report(visit(today().minusDays(30), "09:00", "10:00"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("serviceDate");
    }

    static Stream<Arguments> badReports() {
        return Stream.of(
                Arguments.of("a 29-minute visit", (Bad) l -> l.visit(yesterday(), "09:00", "09:29"), "endTime"),
                Arguments.of(
                        "a visit ending before it starts",
                        (Bad) l -> l.visit(yesterday(), "11:00", "09:00"),
                        "endTime"),
                Arguments.of(
                        "a day still to come",
                        (Bad) l -> l.visit(today().plusDays(1), "09:00", "11:00"),
                        "serviceDate"),
                Arguments.of(
                        "a visit without its start",
                        (Bad) l -> without(l.visit(yesterday(), "09:00", "11:00"), "startTime"),
                        "startTime"),
                Arguments.of(
                        "units on a visit",
                        (Bad) l -> with(l.visit(yesterday(), "09:00", "11:00"), "units", 2),
                        "units"),
                Arguments.of("negative meals", (Bad) l -> l.meals(yesterday(), -3), "units"),
                Arguments.of("an impossible time", (Bad) l -> l.visit(yesterday(), "25:00", "26:00"), "startTime"),
                Arguments.of(
                        "an impossible date",
                        (Bad) l -> with(l.visit(yesterday(), "09:00", "10:00"), "serviceDate", "2026-13-01"),
                        "serviceDate"),
                Arguments.of(
                        "an unknown field",
                        (Bad) l -> with(l.visit(yesterday(), "09:00", "10:00"), "carer", "김"),
                        "carer"),
                Arguments.of("no line", (Bad) l -> without(l.visit(yesterday(), "09:00", "10:00"), "lineId"), "lineId"),
                Arguments.of(
                        "no worker",
                        (Bad) l -> without(l.visit(yesterday(), "09:00", "10:00"), "workerRef"),
                        "workerRef"),
                Arguments.of(
                        "a worker by name rather than code",
                        (Bad) l -> with(l.visit(yesterday(), "09:00", "10:00"), "workerRef", "김영희"),
                        "workerRef"),
                Arguments.of(
                        "no outcome", (Bad) l -> without(l.visit(yesterday(), "09:00", "10:00"), "outcome"), "outcome"),
                Arguments.of(
                        "an unknown outcome",
                        (Bad) l -> with(l.visit(yesterday(), "09:00", "10:00"), "outcome", "NOT_HOME"),
                        "outcome"),
                Arguments.of(
                        "an address for a place",
                        (Bad) l -> with(
                                l.visit(yesterday(), "09:00", "10:00"),
                                "place",
                                "서울특별시 마포구 월드컵로 212, 101동 1402호 (망원동, 망원한강아파트)"),
                        "place"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    void aBadReportGetsAProblemNamingTheFieldAndStoresNothing(String what, Bad bad, String field) {
        long deliveries = count("select count(*) from delivery");
        long events = count("select count(*) from outbox_event");

        report(bad.body(this))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);

        assertThat(count("select count(*) from delivery")).isEqualTo(deliveries);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    @Test
    void malformedJsonIsABadRequest() {
        as(TestTokens.provider(lines.homeCare().district(), lines.homeCare().providerId()))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lineId\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body");
    }

    interface Bad {
        Map<String, Object> body(DeliveryApiIT test);
    }

    Map<String, Object> visit(LocalDate date, String start, String end) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lineId", lines.homeCare().lineId().toString());
        body.put("providerId", lines.homeCare().providerId());
        body.put("serviceDate", date.toString());
        body.put("startTime", start);
        body.put("endTime", end);
        body.put("workerRef", "CARER-01");
        body.put("outcome", "DELIVERED");
        return body;
    }

    Map<String, Object> meals(LocalDate date, int units) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lineId", lines.meals().lineId().toString());
        body.put("providerId", lines.meals().providerId());
        body.put("serviceDate", date.toString());
        body.put("units", units);
        body.put("workerRef", "DRIVER-01");
        body.put("outcome", "DELIVERED");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        body.remove(field);
        return body;
    }

    /** Reported by the provider the body names (the line's, when the body names none that could be one). */
    private WebTestClient.ResponseSpec report(Map<String, Object> body) {
        return asProvider(body)
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body))
                .exchange();
    }

    private WebTestClient asProvider(Map<String, Object> body) {
        String provider = body.get("providerId") instanceof String named && !named.isBlank()
                ? named
                : lines.homeCare().providerId();
        return as(TestTokens.provider(lines.homeCare().district(), provider));
    }
}
