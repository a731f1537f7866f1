package kr.dolbom.intake.request;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.dolbom.events.CareTopics;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** One care order, one trace: the request's trace goes with the event it causes, to the outbox and onto Kafka. */
class OneTraceIT extends IntakeIntegrationTest {

    @Test
    void theEventOfARequestCarriesTheRequestsTrace() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        String traceId = HexFormat.of().formatHex(id);

        IntakeAnswer answer = careManager()
                .post()
                .uri("/api/v1/care-requests")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(senior().namedUniquely("추적순").meals(3).json())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();
        UUID order = answer.careOrderId();

        eventually().until(() -> !KAFKA.recordsWithKey(CareTopics.ORDERS, order).isEmpty());
        String traceparent = KafkaTestClient.header(
                KAFKA.recordsWithKey(CareTopics.ORDERS, order).get(0), "traceparent");
        assertThat(traceparent)
                .as("the W3C trace context of the request, in a span of its own")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(count("select count(*) from outbox_event where message_key = '" + order
                        + "' and traceparent like '00-" + traceId + "-%'"))
                .isEqualTo(1);
    }
}
