package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The operator's replay of a dead-letter topic once the cause is fixed: the dead-lettered assignment is applied
 * once, one whose cause is not fixed goes back to the dead letters (once, not in a loop), and a second replay
 * sends nothing again.
 */
class DeadLetterReplayIT extends IntakeIntegrationTest {

    private static final String STREAM = CareTopics.ASSIGNMENTS;
    private static final String DEAD_LETTERS = CareTopics.deadLetter(STREAM, "intake-service");

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void aReplayAppliesWhatCanNowBeAppliedOnceAndASecondReplaySendsNothing() {
        // Dead-lettered for real: intake has never heard of this order.
        UUID unknownOrder = UUID.randomUUID();
        KAFKA.publish(assignment(unknownOrder, UUID.randomUUID()));
        eventually()
                .until(() -> KAFKA.recordsWithKey(DEAD_LETTERS, unknownOrder).size() == 1);
        // Dead-lettered while the order was not known yet (intake restored from a backup behind matching), now
        // known: the record as the dead-lettering wrote it, original headers and all.
        IntakeAnswer order = senior().named("윤복순").meals(4).submitTo(careManager());
        EventEnvelope assigned =
                assignment(order.careOrderId(), order.lines().get(0).lineId());
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(assigned));
        headers.put(KafkaHeaders.DLT_ORIGINAL_TOPIC, STREAM);
        headers.put(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "careOrderId: no care order " + order.careOrderId());
        KAFKA.send(DEAD_LETTERS, order.careOrderId().toString(), new CareEventCodec().encode(assigned.data()), headers);

        operator()
                .get()
                .uri("/actuator/deadletters")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.topic == '" + DEAD_LETTERS + "')].pending")
                .value(pending -> assertThat(pending.toString()).isNotEqualTo("[0]"))
                .jsonPath("$[?(@.topic == '" + DEAD_LETTERS + "')].replayGroup")
                .isEqualTo(List.of("intake-service.replay"));

        replay();

        eventually().until(() -> status(order).equals("ASSIGNED"));
        eventually()
                .until(() -> KAFKA.recordsWithKey(DEAD_LETTERS, unknownOrder).size() == 2);
        assertThat(KafkaTestClient.header(
                        KAFKA.recordsWithKey(STREAM, order.careOrderId()).get(0), "ce_id"))
                .isEqualTo(assigned.id().toString());

        replay();
        KAFKA.awaitHandled(STREAM, "intake-service", order.careOrderId());

        assertThat(KAFKA.recordsWithKey(STREAM, order.careOrderId()))
                .as("the second replay sent nothing of what the first had sent")
                .hasSize(2); // the replayed assignment and awaitHandled's sentinel
        // Its cause is not fixed: dead-lettered again behind the first replay's end, so only the second sent it.
        assertThat(KAFKA.recordsWithKey(STREAM, unknownOrder)).hasSize(3);
        assertThat(count("select count(*) from processed_event where event_id = '" + assigned.id() + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from care_order_history where care_order_id = '" + order.careOrderId()
                        + "' and detail like '%assigned to mapo-meal-jahwal%'"))
                .isEqualTo(1);
    }

    @Test
    void aTopicThatIsNotThisServicesDeadLettersIsNotReplayed() {
        operator()
                .post()
                .uri("/actuator/deadletters/{topic}", STREAM)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private void replay() {
        operator()
                .post()
                .uri("/actuator/deadletters/{topic}", DEAD_LETTERS)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.topic")
                .isEqualTo(DEAD_LETTERS);
    }

    private String status(IntakeAnswer order) {
        return db.sql("select status from care_order where id = :id")
                .bind("id", order.careOrderId())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static EventEnvelope assignment(UUID orderId, UUID lineId) {
        return EventEnvelope.of(
                new LineAssigned(
                        orderId,
                        lineId,
                        ServiceType.MEAL_SUPPORT,
                        "mapo-meal-jahwal",
                        false,
                        "mapo",
                        "mangwon1",
                        LocalDate.now()),
                "/dolbom/matching-service",
                Instant.now());
    }
}
