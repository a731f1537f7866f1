package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineReassigned;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.platform.inbox.Subscription;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class AssignmentEventsIT extends IntakeIntegrationTest {

    private static final CareEventCodec CODEC = new CareEventCodec();

    @Autowired
    @Qualifier("assignmentEvents")
    Subscription assignmentEvents;

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
    void aReassignmentMovesTheLineToItsNewProviderAndOneFromAnotherProviderIsDeadLettered() {
        IntakeAnswer order = placeOrder();
        UUID line = order.lines().get(0).lineId();
        KAFKA.publish(assignment(order.careOrderId(), line, "mapo-meal-jahwal"));
        EventEnvelope wrong = reassignment(order.careOrderId(), line, "mapo-meal-nanum", "mapo-public-homecare");
        EventEnvelope moved = reassignment(order.careOrderId(), line, "mapo-meal-jahwal", "mapo-public-homecare");
        KAFKA.publish(wrong);
        KAFKA.publish(moved);

        eventually()
                .until(() -> count("select count(*) from care_order_line where id = '" + line
                                + "' and provider_id = 'mapo-public-homecare' and last_resort")
                        == 1);
        assertThat(count("select count(*) from care_order_history where care_order_id = '" + order.careOrderId()
                        + "' and detail = 'MEAL_SUPPORT line reassigned from mapo-meal-jahwal to mapo-public-homecare"
                        + " (provider of last resort) (HANDED_BACK)'"))
                .isEqualTo(1);
        assertThat(status(order.careOrderId())).as("still assigned").isEqualTo("ASSIGNED");
        eventually()
                .until(() -> KAFKA
                        .records(
                                DEAD_LETTERS,
                                r -> r.key().equals(order.careOrderId().toString()))
                        .stream()
                        .anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains("mapo-meal-nanum")));
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
    void aBatchThatMeetsAPoisonRecordAppliesWhatCameBeforeAndNamesThatRecordToTheContainer() {
        IntakeAnswer order = severalLines();
        List<EventEnvelope> before = List.of(
                assignment(order.careOrderId(), order.lines().get(0).lineId(), "mapo-meal-jahwal"),
                assignment(order.careOrderId(), order.lines().get(1).lineId(), "mapo-homecare-coop"));
        EventEnvelope after =
                assignment(order.careOrderId(), order.lines().get(2).lineId(), "mapo-homecare-coop");
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (EventEnvelope envelope : before) {
            payloads.add(CODEC.encode(envelope.data()));
            headers.add(byteHeaders(CloudEventHeaders.of(envelope)));
        }
        payloads.add("{not json".getBytes(StandardCharsets.UTF_8));
        headers.add(byteHeaders(CloudEventHeaders.of(
                UUID.randomUUID(),
                "kr.dolbom.care.line.assigned.v1",
                "/dolbom/matching-service",
                Instant.now(),
                order.careOrderId().toString())));
        payloads.add(CODEC.encode(after.data()));
        headers.add(byteHeaders(CloudEventHeaders.of(after)));
        Message<List<byte[]>> batch = MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .build();

        assertThatThrownBy(() -> assignmentEvents.accept(batch))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(2))
                .hasCauseInstanceOf(MalformedEventException.class);

        for (EventEnvelope applied : before) {
            assertThat(count("select count(*) from processed_event where event_id = '" + applied.id() + "'"))
                    .isEqualTo(1);
        }
        assertThat(count("select count(*) from processed_event where event_id = '" + after.id() + "'"))
                .as("the record behind the poison waits for the next poll")
                .isZero();
        assertThat(count("select count(*) from care_order_line where care_order_id = '" + order.careOrderId()
                        + "' and provider_id is not null"))
                .isEqualTo(2);
    }

    @Test
    void aPoisonRecordAmongOthersOfTheSameOrderIsDeadLetteredAloneAndTheOthersAppliedOnceInOrder() {
        IntakeAnswer order = severalLines();
        String[] providers = {"mapo-meal-jahwal", "mapo-homecare-coop", "mapo-homecare-coop", "mapo-homecare-coop"};
        List<EventEnvelope> assignments = new ArrayList<>();
        for (int i = 0; i < order.lines().size(); i++) {
            assignments.add(assignment(order.careOrderId(), order.lines().get(i).lineId(), providers[i]));
        }
        String poisonId = UUID.randomUUID().toString();
        // one key, hence one partition: the poison sits between the others in the stream and, mostly, in a poll
        KAFKA.publish(assignments.get(0));
        KAFKA.publish(assignments.get(1));
        KAFKA.send(
                CareTopics.ASSIGNMENTS,
                order.careOrderId().toString(),
                "{not json".getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.of(
                        UUID.fromString(poisonId),
                        "kr.dolbom.care.line.assigned.v1",
                        "/dolbom/matching-service",
                        Instant.now(),
                        order.careOrderId().toString()));
        KAFKA.publish(assignments.get(2));
        KAFKA.publish(assignments.get(0)); // a redelivery among them
        KAFKA.publish(assignments.get(3));

        eventually()
                .until(() -> count("select count(*) from care_order_line where care_order_id = '" + order.careOrderId()
                                + "' and provider_id is not null")
                        == assignments.size());
        var deadLetters = eventually()
                .until(
                        () -> KAFKA.records(
                                DEAD_LETTERS,
                                r -> order.careOrderId().toString().equals(r.key())),
                        records -> !records.isEmpty());
        assertThat(deadLetters)
                .singleElement()
                .satisfies(letter ->
                        assertThat(KafkaTestClient.header(letter, "ce_id")).isEqualTo(poisonId));
        for (EventEnvelope applied : assignments) {
            assertThat(count("select count(*) from processed_event where event_id = '" + applied.id() + "'"))
                    .isEqualTo(1);
        }
        assertThat(count("select count(*) from care_order_history where care_order_id = '" + order.careOrderId()
                        + "' and detail like '%assigned to%'"))
                .as("each line's assignment recorded once")
                .isEqualTo(assignments.size());
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

    private static Map<String, Object> byteHeaders(Map<String, String> headers) {
        Map<String, Object> bytes = new LinkedHashMap<>();
        headers.forEach((name, value) -> bytes.put(name, value.getBytes(StandardCharsets.UTF_8)));
        return bytes;
    }

    /** Meals, home-care visits, mobility and a repair: four lines, each assigned on its own. */
    private IntakeAnswer severalLines() {
        return senior().namedUniquely("한말순")
                .meals(8)
                .homeCare(4, 60)
                .mobility(2, 60)
                .repairs(1)
                .submitTo(careManager());
    }

    private static EventEnvelope reassignment(UUID orderId, UUID lineId, String from, String to) {
        return EventEnvelope.of(
                new LineReassigned(
                        orderId,
                        lineId,
                        ServiceType.MEAL_SUPPORT,
                        from,
                        to,
                        true,
                        ReassignCause.HANDED_BACK,
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
