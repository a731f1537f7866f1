package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Hold, resume, cancel and completion of an order through the API: state, history, version and events. */
class OrderLifecycleIT extends IntakeIntegrationTest {

    private static final ZoneId SEOUL = PlatformAutoConfiguration.SEOUL;

    @Autowired
    OrderLifecycle lifecycle;

    private UUID order() {
        return senior().namedUniquely("주기순").meals(6).submitTo(careManager()).careOrderId();
    }

    private WebTestClient.ResponseSpec post(UUID order, String change, Map<String, ?> body, String ifMatch) {
        WebTestClient.RequestBodySpec request = careManager()
                .post()
                .uri("/api/v1/care-orders/{id}/" + change, order)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    @Test
    void holdResumeAndCancelAreRecordedWithWhoAndWhyAndAnnouncedOnce() {
        UUID order = order();
        LocalDate today = LocalDate.now(SEOUL);

        post(order, "hold", Map.of("reason", "HOSPITAL_ADMISSION", "note", "낙상으로 입원"), "\"1\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ON_HOLD")
                .jsonPath("$.hold.reason")
                .isEqualTo("HOSPITAL_ADMISSION")
                .jsonPath("$.hold.resumesTo")
                .isEqualTo("PLACED")
                .jsonPath("$.history[-1:].actor")
                .isEqualTo(List.of("care-manager@mapo"))
                .jsonPath("$.history[-1:].detail")
                .value(detail -> assertThat(detail.toString()).contains("HOSPITAL_ADMISSION", "낙상으로 입원"));

        // a second hold is no change: 409 naming the status, nothing written
        post(order, "hold", Map.of("reason", "OTHER"), null)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("is ON_HOLD"));
        // a change based on the version before the hold is stale
        post(order, "resume", Map.of(), "\"1\"").expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);

        post(order, "resume", Map.of("on", today.toString()), "\"2\"")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PLACED")
                .jsonPath("$.hold")
                .doesNotExist();
        post(order, "cancel", Map.of("reason", "RESIDENT_MOVED"), null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CANCELLED")
                .jsonPath("$.version")
                .isEqualTo(4);
        post(order, "resume", Map.of(), null).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        post(order, "cancel", Map.of("reason", "DUPLICATE"), null)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT);

        eventually().until(() -> KAFKA.recordsWithKey(CareTopics.ORDERS, order).size() == 4);
        assertThat(KAFKA.events(CareTopics.ORDERS, order, OrderPutOnHold.class)).hasSize(1);
        assertThat(KAFKA.events(CareTopics.ORDERS, order, OrderResumed.class))
                .singleElement()
                .satisfies(resumed -> assertThat(resumed.on()).isEqualTo(today));
        assertThat(KAFKA.events(CareTopics.ORDERS, order, OrderCancelled.class)).hasSize(1);
    }

    @Test
    void anOrderHeldBeforeItsLastLineWasAssignedResumesAsAssigned() {
        IntakeAnswer answer = senior().named("보류연계").meals(4).submitTo(careManager());
        post(answer.careOrderId(), "hold", Map.of("reason", "RESIDENT_AWAY"), null)
                .expectStatus()
                .isOk();
        KAFKA.publish(EventEnvelope.of(
                new LineAssigned(
                        answer.careOrderId(),
                        answer.lines().get(0).lineId(),
                        ServiceType.MEAL_SUPPORT,
                        "mapo-meal-jahwal",
                        false,
                        "mapo",
                        "mangwon1",
                        LocalDate.now(SEOUL)),
                "/dolbom/matching-service",
                Instant.now()));
        eventually()
                .until(() -> count("select count(*) from care_order_line where provider_id is not null"
                                + " and care_order_id = '" + answer.careOrderId() + "'")
                        == 1);

        post(answer.careOrderId(), "resume", Map.of(), null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ASSIGNED");
    }

    @Test
    void theFirstDeliveryPutsTheOrderInProgressOnceAndAHoldResumesThere() {
        IntakeAnswer answer = senior().namedUniquely("개시순").meals(10).submitTo(careManager());
        UUID order = answer.careOrderId();
        UUID line = answer.lines().get(0).lineId();
        UUID resident = UUID.fromString(residentRef(order));
        EventEnvelope first = delivery(order, line, resident, LocalDate.now(SEOUL));
        KAFKA.publish(first);
        KAFKA.publish(first); // redelivered: one start
        KAFKA.publish(delivery(order, line, resident, LocalDate.now(SEOUL)));

        eventually()
                .until(() -> !KAFKA.events(CareTopics.ORDERS, order, OrderStarted.class)
                        .isEmpty());
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "intake-service", order);
        assertThat(KAFKA.events(CareTopics.ORDERS, order, OrderStarted.class)).hasSize(1);
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", order)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("IN_PROGRESS")
                .jsonPath("$.history[-1:].detail")
                .value(detail -> assertThat(detail.toString()).contains("first delivery on", "mapo-meal-jahwal"));

        post(order, "hold", Map.of("reason", "RESIDENT_AWAY"), null)
                .expectStatus()
                .isOk();
        post(order, "resume", Map.of(), null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("IN_PROGRESS");
    }

    private String residentRef(UUID order) {
        return db.sql("select resident_id::text from care_order where id = :id")
                .bind("id", order)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static EventEnvelope delivery(UUID order, UUID line, UUID resident, LocalDate day) {
        return EventEnvelope.of(
                new ServiceDelivered(
                        UUID.randomUUID(),
                        order,
                        line,
                        ServiceType.MEAL_SUPPORT,
                        "mapo-meal-jahwal",
                        resident,
                        "mapo",
                        IncomeTier.BASIC_LIVELIHOOD,
                        day,
                        null,
                        null,
                        2),
                "/dolbom/matching-service",
                Instant.now());
    }

    @Test
    void badChangesAreNamedAndChangeNothing() {
        UUID order = order();
        post(order, "hold", Map.of("reason", "VACATION"), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        post(
                        order,
                        "hold",
                        Map.of(
                                "reason",
                                "OTHER",
                                "from",
                                LocalDate.now(SEOUL).plusDays(3).toString()),
                        null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("from");
        post(order, "cancel", Map.of(), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        post(order, "hold", Map.of("reason", "OTHER"), "soon")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("If-Match");
        as(TestTokens.careManager("seodaemun"))
                .post()
                .uri("/api/v1/care-orders/{id}/cancel", order)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "OTHER"))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count("select version::bigint from care_order where id = '" + order + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where message_key = '" + order + "'"))
                .isEqualTo(1);
    }

    @Test
    void anOrderWhoseLinesHaveEndedCompletesOnceHoweverOftenTheSweepRuns() {
        UUID order = order();
        LocalDate today = LocalDate.now(SEOUL); // the service's day, which is not UTC's every evening
        db.sql("update care_order_line set starts_on = :from, ends_on = :to where care_order_id = :id")
                .bind("from", today.minusDays(20))
                .bind("to", today.minusDays(2))
                .bind("id", order)
                .then()
                .block();

        lifecycle.completeOrdersOver().block();
        lifecycle.completeOrdersOver().block();

        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", order)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("COMPLETED");
        eventually()
                .until(() -> KAFKA.events(CareTopics.ORDERS, order, OrderCompleted.class)
                                .size()
                        == 1);
        assertThat(KAFKA.events(CareTopics.ORDERS, order, OrderCompleted.class))
                .singleElement()
                .satisfies(completed -> assertThat(completed.on()).isEqualTo(today.minusDays(1)));
    }
}
