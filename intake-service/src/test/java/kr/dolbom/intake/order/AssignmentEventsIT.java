package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

class AssignmentEventsIT extends IntakeIntegrationTest {

    private static final String DEAD_LETTERS = "care.assignments.v1.intake-service.dlq";

    @Test
    void aRedeliveredAssignmentIsAppliedOnce() {
        IntakeAnswer order = placeOrder();
        EventEnvelope assigned =
                assignment(order.careOrderId(), order.lines().get(0).lineId(), "mapo-meal-jahwal");

        KAFKA.publish(assigned);
        KAFKA.publish(assigned);

        eventually().until(() -> status(order.careOrderId()).equals("ASSIGNED"));
        awaitProcessed(assigned.id());
        EventEnvelope later = assignment(order.careOrderId(), UUID.randomUUID(), "unused");
        KAFKA.publish(later); // an event behind both copies: once it is handled, so are they
        eventually()
                .until(() -> KAFKA.records(
                                        DEAD_LETTERS,
                                        r -> r.key().equals(order.careOrderId().toString()))
                                .size()
                        == 1);
        assertThat(count("select count(*) from care_order_history where care_order_id = '" + order.careOrderId()
                        + "' and detail like '%assigned to mapo-meal-jahwal%'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = '" + assigned.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerKeepsGoing() {
        IntakeAnswer order = placeOrder();
        String poisonKey = UUID.randomUUID().toString();
        KAFKA.sendRaw(CareTopics.ASSIGNMENTS, poisonKey, "kr.dolbom.care.line.assigned.v1", "{not json");
        KAFKA.publish(assignment(order.careOrderId(), order.lines().get(0).lineId(), "mapo-meal-jahwal"));

        var deadLetters = eventually()
                .until(
                        () -> KAFKA.records(DEAD_LETTERS, r -> poisonKey.equals(r.key())),
                        records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("unreadable");
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8))
                .isEqualTo("{not json");
        eventually().until(() -> status(order.careOrderId()).equals("ASSIGNED"));
    }

    @Test
    void anAssignmentForAnOrderIntakeNeverPlacedIsDeadLetteredNotRetriedForever() {
        UUID unknownOrder = UUID.randomUUID();
        KAFKA.publish(assignment(unknownOrder, UUID.randomUUID(), "mapo-homecare-coop"));

        var deadLetters = eventually()
                .until(
                        () -> KAFKA.records(
                                DEAD_LETTERS, r -> unknownOrder.toString().equals(r.key())),
                        records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("no care order");
    }

    @Test
    void anAssignmentThatContradictsTheLinesProviderIsDeadLetteredAndChangesNothing() {
        IntakeAnswer order = placeOrder();
        UUID line = order.lines().get(0).lineId();
        KAFKA.publish(assignment(order.careOrderId(), line, "mapo-meal-jahwal"));
        eventually().until(() -> status(order.careOrderId()).equals("ASSIGNED"));

        KAFKA.publish(assignment(order.careOrderId(), line, "someone-else"));

        var deadLetters = eventually()
                .until(
                        () -> KAFKA.records(
                                DEAD_LETTERS,
                                r -> order.careOrderId().toString().equals(r.key())),
                        records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("is assigned to mapo-meal-jahwal, not someone-else");
        assertThat(db.sql("select provider_id from care_order_line where id = :id")
                        .bind("id", line)
                        .map(row -> row.get(0, String.class))
                        .one()
                        .block())
                .isEqualTo("mapo-meal-jahwal");
    }

    private String status(UUID orderId) {
        return db.sql("select status from care_order where id = :id")
                .bind("id", orderId)
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private void awaitProcessed(UUID eventId) {
        eventually().until(() -> count("select count(*) from processed_event where event_id = '" + eventId + "'") == 1);
    }

    private static EventEnvelope assignment(UUID orderId, UUID lineId, String provider) {
        return EventEnvelope.of(
                new LineAssigned(
                        orderId,
                        lineId,
                        ServiceType.MEAL_SUPPORT,
                        provider,
                        false,
                        "mapo",
                        "mangwon1",
                        LocalDate.now()),
                "/dolbom/matching-service",
                Instant.now());
    }

    private IntakeAnswer placeOrder() {
        return senior().namedUniquely("최옥자").meals(8).submitTo(careManager());
    }
}
