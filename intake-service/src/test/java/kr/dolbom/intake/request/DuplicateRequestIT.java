package kr.dolbom.intake.request;

import static kr.dolbom.intake.request.CareRequests.residentAged;
import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.order.OrderStatus;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A resident has one open order per service: a request for a service that an open order of the resident has
 * is 409 naming that order, and nothing is written; never a second order in silence, even for two requests at
 * the same instant.
 */
class DuplicateRequestIT extends IntakeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aRequestForAServiceOfAnOpenOrderIsRefusedNamingThatOrderAndWritesNothing() {
        String name = uniqueName();
        IntakeAnswer first = senior().named(name).homeCare(2, 120).meals(10).submitTo(careManager());
        UUID resident = residentOf(first.careOrderId());
        String before = traces(resident);
        String key = "again-" + UUID.randomUUID();

        // consent and a key of its own, so that a refusal that wrote either would show
        submit(senior().named(name).repairs(1).meals(5).with("resident.contactConsent", true), key)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.existingOrderId")
                .isEqualTo(first.careOrderId().toString())
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("services[1].type")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString())
                        .contains(first.careOrderId().toString(), "MEAL_SUPPORT", "revise that order"))
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString())
                        .contains(first.careOrderId().toString()));

        assertThat(traces(resident))
                .as("orders, lines, events, versions, consent")
                .isEqualTo(before);
        assertThat(count("select count(*) from idempotency_key where key like '%:" + key + "'"))
                .isZero();
        // the key was not spent on the refusal: the request the window meant instead is taken with it
        IntakeAnswer repairs = submit(senior().named(name).repairs(1), key)
                .expectStatus()
                .isCreated()
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();
        assertThat(residentOf(repairs.careOrderId())).isEqualTo(resident);
    }

    @Test
    void anotherServiceIsANewOrderOfTheSameResident() {
        String name = uniqueName();
        IntakeAnswer meals = senior().named(name).meals(10).submitTo(careManager());
        IntakeAnswer visits = senior().named(name).homeCare(4, 90).submitTo(careManager());

        assertThat(visits.careOrderId()).isNotEqualTo(meals.careOrderId());
        assertThat(residentOf(visits.careOrderId())).isEqualTo(residentOf(meals.careOrderId()));
        assertThat(visits.status()).isEqualTo(OrderStatus.PLACED);
    }

    @Test
    void anOrderOnHoldIsStillOpenButOnceCancelledTheServiceCanBeOrderedAgain() {
        String name = uniqueName();
        IntakeAnswer first = senior().named(name).meals(10).submitTo(careManager());
        change(first.careOrderId(), "hold", Map.of("reason", "HOSPITAL_ADMISSION"));

        submit(senior().named(name).meals(3))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.existingOrderId")
                .isEqualTo(first.careOrderId().toString());

        change(first.careOrderId(), "cancel", Map.of("reason", "RESIDENT_MOVED"));
        IntakeAnswer again = senior().named(name).meals(3).submitTo(careManager());
        assertThat(again.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(again.careOrderId()).isNotEqualTo(first.careOrderId());
    }

    @Test
    void aLineThatHasEndedIsNoLongerOpenEvenWhileItsOrderIs() {
        String name = uniqueName();
        IntakeAnswer first = senior().named(name).meals(10).homeCare(4, 90).submitTo(careManager());
        // as when the care plan ended the meals: the order runs on with its home care
        db.sql("update care_order_line set ends_on = starts_on - 1 where care_order_id = :id"
                        + " and service_type = 'MEAL_SUPPORT'")
                .bind("id", first.careOrderId())
                .then()
                .block();

        IntakeAnswer meals = senior().named(name).meals(3).submitTo(careManager());

        assertThat(meals.careOrderId()).isNotEqualTo(first.careOrderId());
        submit(senior().named(name).homeCare(2, 60)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aRejectedRequestIsNoOpenOrder() {
        String name = uniqueName();
        IntakeAnswer rejected = residentAged(49).named(name).meals(5).submitTo(careManager());
        IntakeAnswer again = residentAged(49).named(name).meals(5).submitTo(careManager());

        assertThat(List.of(rejected.status(), again.status())).containsOnly(OrderStatus.REJECTED);
        assertThat(again.careOrderId()).isNotEqualTo(rejected.careOrderId());
    }

    @Test
    void aRetryWithTheSameKeyGetsTheStoredAnswerNotAConflict() {
        CareRequests request = senior().named(uniqueName()).meals(10);
        String key = UUID.randomUUID().toString();

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
        // the same request under a key of its own is a second request, and the order is open
        submit(request, UUID.randomUUID().toString())
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.existingOrderId")
                .isEqualTo(first.careOrderId().toString());
    }

    @Test
    void ofIdenticalRequestsAtTheSameInstantExactlyOneBecomesAnOrder() throws Exception {
        for (int round = 0; round < 3; round++) {
            // a new resident, whom both requests register at once
            String newcomer = uniqueName();
            assertOneOrderOf(newcomer, race(4, () -> senior().named(newcomer).meals(10), false));
            // a known resident (an order of another service), whom both requests find at once
            String known = uniqueName();
            senior().named(known).repairs(1).submitTo(careManager());
            assertOneOrderOf(known, race(4, () -> senior().named(known).meals(10), false));
        }
    }

    @Test
    void ofRetriesWithOneKeyAtTheSameInstantOneIsPlacedAndTheOthersReplayIt() throws Exception {
        String name = uniqueName();
        List<EntityExchangeResult<byte[]>> answers =
                race(4, () -> senior().named(name).meals(10), true);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus()).isEqualTo(HttpStatus.CREATED));
        assertThat(answers.stream().map(answer -> careOrderId(answer)).distinct())
                .hasSize(1);
        assertThat(answers.stream()
                        .filter(answer ->
                                "true".equals(answer.getResponseHeaders().getFirst("Idempotent-Replayed"))))
                .hasSize(answers.size() - 1);
        assertThat(count("select count(*) from care_order o join resident r on r.id = o.resident_id"
                        + " where r.name = '" + name + "'"))
                .isEqualTo(1);
    }

    @Test
    void theApiDocumentTellsTheConflict() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/care-requests'].post.responses['409'].description")
                .value(description -> assertThat(description.toString()).contains("existingOrderId"))
                .jsonPath("$.paths['/api/v1/care-requests'].post.responses['201']")
                .exists();
    }

    private void assertOneOrderOf(String name, List<EntityExchangeResult<byte[]>> answers) {
        List<EntityExchangeResult<byte[]>> placed = answers.stream()
                .filter(answer -> answer.getStatus().equals(HttpStatus.CREATED))
                .toList();
        assertThat(placed).as("requests placed for " + name).hasSize(1);
        String order = careOrderId(placed.get(0));
        assertThat(answers)
                .filteredOn(answer -> !answer.getStatus().equals(HttpStatus.CREATED))
                .hasSize(answers.size() - 1)
                .allSatisfy(refused -> {
                    assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(json(refused).path("existingOrderId").asString()).isEqualTo(order);
                });
        assertThat(count("select count(*) from care_order o join resident r on r.id = o.resident_id"
                        + " where r.name = '" + name + "' and exists (select 1 from care_order_line l"
                        + " where l.care_order_id = o.id and l.service_type = 'MEAL_SUPPORT')"))
                .isEqualTo(1);
    }

    /** {@code n} copies of one request sent at once, each under a key of its own or all under the same one. */
    private List<EntityExchangeResult<byte[]>> race(
            int n, java.util.function.Supplier<CareRequests> request, boolean sameKey) throws Exception {
        String body = request.get().json();
        String sharedKey = UUID.randomUUID().toString();
        WebTestClient client = careManager();
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<EntityExchangeResult<byte[]>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = sameKey ? sharedKey : UUID.randomUUID().toString();
                sent.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                start.await(10, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return client.post()
                                    .uri("/api/v1/care-requests")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .header("Idempotency-Key", key)
                                    .bodyValue(body)
                                    .exchange()
                                    .expectBody()
                                    .returnResult();
                        },
                        threads));
            }
            List<EntityExchangeResult<byte[]>> answers = new ArrayList<>();
            for (CompletableFuture<EntityExchangeResult<byte[]>> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private void change(UUID order, String change, Map<String, ?> body) {
        careManager()
                .post()
                .uri("/api/v1/care-orders/{id}/" + change, order)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk();
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
        return as(TestTokens.window("mapo"))
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(request.json())
                .exchange();
    }

    /** What a request for the resident could have written: orders, lines, events, versions of the record, consent. */
    private String traces(UUID resident) {
        return db.sql("""
                        select (select count(*) from care_order where resident_id = :r)
                            || '/' || (select count(*) from care_order_line l join care_order o
                                       on o.id = l.care_order_id where o.resident_id = :r)
                            || '/' || (select count(*) from outbox_event where payload::text like '%' || :ref || '%')
                            || '/' || (select count(*) from resident_version where resident_id = :r)
                            || '/' || (select contact_consent::text from resident where id = :r)""")
                .bind("r", resident)
                .bind("ref", resident.toString())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private UUID residentOf(UUID careOrderId) {
        return db.sql("select resident_id from care_order where id = :id")
                .bind("id", careOrderId)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    private static String careOrderId(EntityExchangeResult<byte[]> answer) {
        return json(answer).path("careOrderId").asString();
    }

    private static JsonNode json(EntityExchangeResult<byte[]> answer) {
        return JSON.readTree(answer.getResponseBodyContent());
    }

    private static String uniqueName() {
        return "중복" + UUID.randomUUID().toString().substring(0, 8);
    }
}
