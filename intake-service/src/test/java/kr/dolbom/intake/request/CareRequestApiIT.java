package kr.dolbom.intake.request;

import static kr.dolbom.intake.request.CareRequests.residentAged;
import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.order.OrderStatus;
import kr.dolbom.testsupport.KafkaTestClient;
import kr.dolbom.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CareRequestApiIT extends IntakeIntegrationTest {

    @Test
    void anEligibleRequestBecomesAPlacedOrderAnnouncedWithoutPersonalData() {
        IntakeAnswer answer = submit(senior().named("박영희")
                        .phone("010-9876-5432")
                        .urgent()
                        .homeCare(1, 150)
                        .meals(10))
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/care-orders/[0-9a-f-]{36}")
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(answer.lines())
                .extracting(IntakeAnswer.Line::serviceType)
                .containsExactly(ServiceType.TEMPORARY_HOME_CARE, ServiceType.MEAL_SUPPORT);

        List<ConsumerRecord<String, byte[]>> records = eventuallyOneRecord(answer.careOrderId());
        ConsumerRecord<String, byte[]> placed = records.get(0);
        assertThat(KafkaTestClient.header(placed, "ce_type")).isEqualTo("kr.dolbom.care.order.placed.v1");
        assertThat(KafkaTestClient.header(placed, "ce_subject"))
                .isEqualTo(answer.careOrderId().toString());
        assertThat(KafkaTestClient.header(placed, "ce_source")).isEqualTo("/dolbom/intake-service");
        assertThat(KafkaTestClient.header(placed, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(placed, "ce_id")).isNotBlank();
        assertThat(KafkaTestClient.header(placed, "ce_time")).isNotBlank();
        String payload = new String(placed.value(), StandardCharsets.UTF_8);
        assertThat(payload)
                .contains(
                        "\"urgent\":true",
                        "\"plannedMinutes\":150",
                        "\"quantity\":10",
                        "\"incomeTier\":\"BASIC_LIVELIHOOD\"")
                .doesNotContain("박영희", "010-9876-5432", "망원로", "birthDate", "name", "phone", "address");

        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", answer.careOrderId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PLACED")
                .jsonPath("$.targetGroup")
                .isEqualTo("SENIOR")
                .jsonPath("$.urgent")
                .isEqualTo(true)
                .jsonPath("$.lines.length()")
                .isEqualTo(2)
                .jsonPath("$.history[0].status")
                .isEqualTo("PLACED")
                .jsonPath("$.name")
                .doesNotExist();
    }

    @Test
    void anIneligibleRequestIsRejectedWithItsReasonAndAnnounced() {
        IntakeAnswer answer = submit(residentAged(49).meals(5))
                .expectStatus()
                .isCreated()
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(answer.rejectionReason()).isEqualTo(RejectionReason.NOT_IN_TARGET_GROUP);
        ConsumerRecord<String, byte[]> rejected =
                eventuallyOneRecord(answer.careOrderId()).get(0);
        assertThat(KafkaTestClient.header(rejected, "ce_type")).isEqualTo("kr.dolbom.care.order.rejected.v1");
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", answer.careOrderId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.rejectionReason")
                .isEqualTo("NOT_IN_TARGET_GROUP");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerInsteadOfASecondOrder() {
        String key = UUID.randomUUID().toString();
        CareRequests request = senior().named("이말순").meals(20);

        IntakeAnswer first = submit(request, key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "false")
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();
        IntakeAnswer retry = submit(request, key)
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Idempotent-Replayed", "true")
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();

        assertThat(retry).isEqualTo(first);
        assertThat(count("select count(*) from care_order where id = '" + first.careOrderId() + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from idempotency_key where key like '%:" + key + "'"))
                .isEqualTo(1);
        assertThat(eventuallyOneRecord(first.careOrderId())).hasSize(1);

        submit(senior().named("이말순").meals(21), key)
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"resident\": {", "body"),
                Arguments.of(
                        "unknown field",
                        senior().meals(1).with("resident.nickname", "순이").json(),
                        "resident.nickname"),
                Arguments.of(
                        "missing field",
                        senior().meals(1).with("resident.birthDate", null).json(),
                        "resident.birthDate"),
                Arguments.of("missing services", senior().json(), "services"),
                Arguments.of(
                        "unknown service type",
                        senior().meals(1).with("services[0].type", "TELEPORT").json(),
                        "services[0].type"),
                Arguments.of(
                        "unknown income tier",
                        senior().meals(1).incomeTier("RICH").json(),
                        "resident.incomeTier"),
                Arguments.of("negative duration", senior().homeCare(1, -30).json(), "services[0].minutesPerVisit"),
                Arguments.of("visit under 30 minutes", senior().homeCare(1, 29).json(), "services[0].minutesPerVisit"),
                Arguments.of("absurd duration", senior().homeCare(1, 100_000).json(), "services[0].minutesPerVisit"),
                Arguments.of(
                        "timed service without minutes",
                        senior().mobility(1, 60)
                                .with("services[0].minutesPerVisit", null)
                                .json(),
                        "services[0].minutesPerVisit"),
                Arguments.of(
                        "minutes on a unit service",
                        senior().meals(3)
                                .with("services[0].minutesPerVisit", 60)
                                .json(),
                        "services[0].minutesPerVisit"),
                Arguments.of(
                        "fractional quantity",
                        senior().meals(3).with("services[0].quantity", 1.5).json(),
                        "services[0].quantity"),
                Arguments.of("zero quantity", senior().meals(0).json(), "services[0].quantity"),
                Arguments.of(
                        "unparseable date",
                        senior().meals(3).with("services[0].from", "2026-02-30").json(),
                        "services[0].from"),
                Arguments.of(
                        "period ending before it starts",
                        senior().meals(3).with("services[0].to", "2000-01-01").json(),
                        "services[0].to"),
                Arguments.of(
                        "birth date in the future",
                        senior().meals(3)
                                .with("resident.birthDate", "2999-01-01")
                                .json(),
                        "resident.birthDate"),
                Arguments.of(
                        "bad phone number", senior().meals(3).phone("call me").json(), "resident.phone"),
                Arguments.of(
                        "dong outside the district",
                        senior().meals(3).inDong("gangnam").json(),
                        "resident.dong"));
    }

    @Test
    void aDistrictThisServiceDoesNotServeIsNamed() {
        as(TestTokens.window("busan-jung"))
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(senior().meals(3).with("district", "busan-jung").json())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("district")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("not a district served here"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsAProblemNamingTheFieldAndStoresNothing(String what, String body, String field) {
        long orders = count("select count(*) from care_order");
        long residents = count("select count(*) from resident");
        long events = count("select count(*) from outbox_event");

        careManager()
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains(field));

        assertThat(count("select count(*) from care_order")).isEqualTo(orders);
        assertThat(count("select count(*) from resident")).isEqualTo(residents);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
    }

    @Test
    void anOverlongIdempotencyKeyIsRefusedByName() {
        submit(senior().meals(1), "k".repeat(201))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void anUnknownOrderIsNotFoundAndAMalformedIdIsABadRequest() {
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        careManager()
                .get()
                .uri("/api/v1/care-orders/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
    }

    private WebTestClient.ResponseSpec submit(CareRequests request) {
        return careManager()
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request.json())
                .exchange();
    }

    private WebTestClient.ResponseSpec submit(CareRequests request, String idempotencyKey) {
        return careManager()
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(request.json())
                .exchange();
    }

    private List<ConsumerRecord<String, byte[]>> eventuallyOneRecord(UUID orderId) {
        return eventually()
                .until(() -> KAFKA.recordsWithKey(CareTopics.ORDERS, orderId), records -> records.size() == 1);
    }
}
