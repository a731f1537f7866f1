package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.events.VoidReason;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 방문 검증 against the running service: a care worker at two doors at once is held, the window releases (announced
 * once) or rejects (never announced) it, voids an announced one once, and an absence is recorded but not paid.
 */
class VerifiedDeliveriesIT extends MatchingIntegrationTest {

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);
    private final LocalDate yesterday = today.minusDays(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestDistrict district;
    private LineAssigned first;
    private LineAssigned second;

    /** Two residents' home-care lines with one member, twenty visits of two hours each over the lines' 38 days. */
    @BeforeEach
    void twoLinesOfOneProvider() {
        district = new TestDistrict(db);
        district.member("carers", ServiceType.TEMPORARY_HOME_CARE, 10, 0);
        district.publicCentre();
        first = matched(district.order().homeCare(20, 120).placed());
        second = matched(district.order().homeCare(20, 120).placed());
        assertThat(second.providerId()).isEqualTo(first.providerId());
    }

    private LineAssigned matched(EventEnvelope order) {
        KAFKA.publish(order);
        return members().acceptAll(order, 1).get(0);
    }

    @Test
    void aWorkerAtTwoDoorsAtOnceIsHeldAndOnceReleasedIsAnnouncedOnce() {
        JsonNode verified = created(visit(first, yesterday, "09:00", "11:00", "CARER-7"));
        assertThat(verified.path("status").asString()).isEqualTo("VERIFIED");

        JsonNode held = created(visit(second, yesterday, "10:00", "12:00", "CARER-7"));
        assertThat(held.path("status").asString()).isEqualTo("HELD");
        assertThat(held.path("holdReason").asString()).isEqualTo("WORKER_OVERLAP");
        UUID id = UUID.fromString(held.path("deliveryId").asString());
        DeliveryHeld announcedHeld = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.DELIVERIES, second.careOrderId(), DeliveryHeld.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(announcedHeld.deliveryId()).isEqualTo(id);
        assertThat(announcedHeld.reason()).isEqualTo(DeliveryHoldReason.WORKER_OVERLAP);
        // another worker at the same time is no overlap
        assertThat(created(visit(second, today.minusDays(2), "10:00", "12:00", "CARER-8"))
                        .path("status")
                        .asString())
                .isEqualTo("VERIFIED");

        window().get()
                .uri("/api/v1/deliveries/held?district={d}", district.name())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].deliveryId")
                .isEqualTo(id.toString());

        for (int twice = 0; twice < 2; twice++) {
            answer(id, "release", Map.of("note", "근무표 확인: 방문 시간 기록 오류"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("RELEASED")
                    .jsonPath("$.announced")
                    .isEqualTo(true);
        }
        ServiceDelivered delivered = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.DELIVERIES, second.careOrderId(), ServiceDelivered.class),
                        events -> events.stream().anyMatch(e -> e.deliveryId().equals(id)))
                .stream()
                .filter(e -> e.deliveryId().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(delivered.startTime()).hasToString("10:00");
        assertThat(delivered.outcome()).isNull();
        assertThat(outboxEvents(id, "kr.dolbom.care.service.delivered.v1"))
                .as("a release sent twice announces once")
                .isEqualTo(1);
        answer(id, "reject", Map.of("note", "늦게 알았다"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409);
        window().get()
                .uri("/api/v1/deliveries/held?district={d}", district.name())
                .exchange()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);
    }

    @Test
    void aRejectedDeliveryIsNeverAnnouncedAndGivesItsVisitBack() {
        created(visit(first, yesterday, "09:00", "11:00", "CARER-7"));
        JsonNode held = created(visit(second, yesterday, "09:30", "10:30", "CARER-7"));
        UUID id = UUID.fromString(held.path("deliveryId").asString());
        assertThat(delivered(second)).isEqualTo(1);

        for (int twice = 0; twice < 2; twice++) {
            answer(id, "reject", Map.of("note", "같은 요양보호사가 동시에 두 곳: 미제공"))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("REJECTED");
        }
        answer(id, "release", Map.of("note", "다시 보니"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("REJECTED"));
        DeliveryRejected rejected = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.DELIVERIES, second.careOrderId(), DeliveryRejected.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(rejected.deliveryId()).isEqualTo(id);
        assertThat(outboxEvents(id, "kr.dolbom.care.delivery.rejected.v1")).isEqualTo(1);
        assertThat(outboxEvents(id, "kr.dolbom.care.service.delivered.v1")).isZero();
        assertThat(delivered(second)).as("the visit is owed again").isZero();
        // the rejected report no longer stands for the visit: the right one is reported anew
        assertThat(created(visit(second, yesterday, "13:00", "15:00", "CARER-7"))
                        .path("status")
                        .asString())
                .isEqualTo("VERIFIED");
    }

    @Test
    void anAnnouncedDeliveryIsVoidedOnceAndGivesItsVisitBack() {
        UUID id = UUID.fromString(created(visit(first, yesterday, "09:00", "11:00", "CARER-7"))
                .path("deliveryId")
                .asString());
        assertThat(delivered(first)).isEqualTo(1);

        answer(id, "void", Map.of("reason", "NOT_DELIVERED", "note", "이용자 확인 전화: 방문 없었음"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("VOIDED")
                .jsonPath("$.voidReason")
                .isEqualTo("NOT_DELIVERED");
        answer(id, "void", Map.of("reason", "NOT_DELIVERED", "note", "두 번째"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("VOIDED"));

        DeliveryVoided voided = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.DELIVERIES, first.careOrderId(), DeliveryVoided.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(voided.deliveryId()).isEqualTo(id);
        assertThat(voided.reason()).isEqualTo(VoidReason.NOT_DELIVERED);
        assertThat(voided.voidedOn()).isEqualTo(today);
        assertThat(outboxEvents(id, "kr.dolbom.care.delivery.voided.v1")).isEqualTo(1);
        assertThat(delivered(first)).isZero();

        UUID held = UUID.fromString(created(visit(second, yesterday, "10:00", "12:00", "CARER-7"))
                .path("deliveryId")
                .asString());
        assertThat(held).isNotNull();
        // the voided visit no longer puts the worker at the first door: no overlap
        assertThat(count("select count(*) from delivery where id = '" + held + "' and status = 'VERIFIED'"))
                .isEqualTo(1);
    }

    @Test
    void aHeldDeliveryIsRejectedNotVoided() {
        created(visit(first, yesterday, "09:00", "11:00", "CARER-7"));
        UUID held = UUID.fromString(created(visit(second, yesterday, "10:00", "12:00", "CARER-7"))
                .path("deliveryId")
                .asString());

        answer(held, "void", Map.of("reason", "OTHER", "note", "보류 건"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("HELD"));
        assertThat(count("select count(*) from delivery where id = '" + held + "' and status = 'HELD'"))
                .isEqualTo(1);
    }

    @Test
    void anAbsenceIsRecordedButNotPaidUnderTheRuleOf2026() {
        Map<String, Object> absent = visit(first, yesterday, "09:00", "09:10", "CARER-7");
        absent.put("outcome", "RESIDENT_ABSENT");
        JsonNode recorded = created(absent);
        assertThat(recorded.path("status").asString()).isEqualTo("VERIFIED");
        assertThat(recorded.path("announced").asBoolean()).isFalse();
        UUID id = UUID.fromString(recorded.path("deliveryId").asString());
        assertThat(outboxEvents(id, "kr.dolbom.care.service.delivered.v1")).isZero();
        assertThat(delivered(first)).as("the visit is still owed").isZero();

        answer(id, "void", Map.of("reason", "OTHER", "note", "지급 없음"))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void badAnswersAndReportsGetAProblemNamingTheFieldAndChangeNothing() {
        UUID id = UUID.fromString(created(visit(first, yesterday, "09:00", "11:00", "CARER-7"))
                .path("deliveryId")
                .asString());
        long events = count("select count(*) from outbox_event");

        answer(id, "void", Map.of("reason", "LOST_IN_THE_MAIL", "note", "?"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        answer(id, "void", Map.of("reason", "OTHER"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("note");
        answer(id, "release", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("note");
        answer(UUID.randomUUID(), "release", Map.of("note", "없는 건"))
                .expectStatus()
                .isNotFound();
        // within the line's period, but days before the provider had the line
        report(visit(first, today.minusDays(5), "09:00", "11:00", "CARER-7"))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("serviceDate");
        Map<String, Object> elsewhere = visit(first, yesterday, "13:00", "15:00", "CARER-7");
        elsewhere.put("place", "other-dong");
        report(elsewhere)
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("place");

        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
        assertThat(count("select count(*) from delivery where id = '" + id + "' and status = 'VERIFIED'"))
                .isEqualTo(1);
        assertThat(delivered(first)).isEqualTo(1);
    }

    private Map<String, Object> visit(LineAssigned line, LocalDate day, String start, String end, String worker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lineId", line.lineId().toString());
        body.put("providerId", line.providerId());
        body.put("serviceDate", day.toString());
        body.put("startTime", start);
        body.put("endTime", end);
        body.put("workerRef", worker);
        body.put("outcome", "DELIVERED");
        return body;
    }

    private WebTestClient.ResponseSpec report(Map<String, Object> body) {
        return as(TestTokens.provider(district.name(), first.providerId()))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body))
                .exchange();
    }

    private JsonNode created(Map<String, Object> body) {
        byte[] answer = report(body)
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(answer);
    }

    private WebTestClient window() {
        return as(TestTokens.window(district.name()));
    }

    private WebTestClient.ResponseSpec answer(UUID delivery, String answer, Map<String, Object> body) {
        return window().post()
                .uri("/api/v1/deliveries/{id}/" + answer, delivery)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private long delivered(LineAssigned line) {
        return count("select delivered from line_assignment where line_id = '" + line.lineId() + "'");
    }

    private long outboxEvents(UUID delivery, String type) {
        return count("select count(*) from outbox_event where event_type = '" + type
                + "' and payload->>'deliveryId' = '" + delivery + "'");
    }
}
