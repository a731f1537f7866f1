package kr.dolbom.intake.access;

import static kr.dolbom.intake.request.CareRequests.senior;
import static kr.dolbom.testsupport.AuthorizationMatrix.DISTRICT;
import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_AGENCY;
import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.CareRequests;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.intake.resident.RejectedApplicantErasure;
import kr.dolbom.testsupport.AuthorizationMatrix;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Intake's access policy against the running service: the generated matrix, then the rules a matrix cannot
 * show (an open line, consent, dongs, the audit log, erasure).
 */
class IntakeAccessIT extends IntakeIntegrationTest {

    @Autowired
    RejectedApplicantErasure erasure;

    /** A referral of {@link AuthorizationMatrix#OWN_AGENCY}, consented, its line held by the own provider. */
    private IntakeAnswer heldReferral(String name) {
        IntakeAnswer answer =
                consenting(senior().named(name).meals(5)).submitTo(as(TestTokens.agency(DISTRICT, OWN_AGENCY)));
        assign(answer.careOrderId(), OWN_PROVIDER);
        return answer;
    }

    private static CareRequests consenting(CareRequests request) {
        return request.with("resident.contactConsent", true);
    }

    @TestFactory
    Stream<DynamicNode> authorizationMatrix() {
        IntakeAnswer order = heldReferral("권매트");
        UUID resident = residentOf(order.careOrderId());
        AuthorizationMatrix matrix = AuthorizationMatrix.of(http, IntakeAccess.POLICY)
                .creation(
                        "submitCareRequest",
                        201,
                        client -> client.post()
                                .uri("/api/v1/care-requests")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(
                                        senior().namedUniquely("권매트").meals(2).json()))
                .operation(
                        "listCareOrders",
                        200,
                        client -> client.get().uri("/api/v1/care-orders?district={d}&limit=5", DISTRICT))
                .operation(
                        "readCareOrder",
                        200,
                        client -> client.get().uri("/api/v1/care-orders/{id}", order.careOrderId()))
                .operation(
                        "holdCareOrder",
                        200,
                        client -> client.post()
                                .uri("/api/v1/care-orders/{id}/hold", freshOrder())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reason", "HOSPITAL_ADMISSION")))
                .operation(
                        "resumeCareOrder",
                        200,
                        client -> client.post()
                                .uri("/api/v1/care-orders/{id}/resume", heldOrder())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of()))
                .operation(
                        "cancelCareOrder",
                        200,
                        client -> client.post()
                                .uri("/api/v1/care-orders/{id}/cancel", freshOrder())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reason", "RESIDENT_MOVED")))
                .operation(
                        "assessCareOrder",
                        200,
                        client -> client.put()
                                .uri("/api/v1/care-orders/{id}/assessment", freshOrder())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(ASSESSMENT))
                .operation(
                        "readAssessment",
                        200,
                        client -> client.get().uri("/api/v1/care-orders/{id}/assessment", assessedOrder()))
                .operation(
                        "readCarePlan",
                        200,
                        client -> client.get().uri("/api/v1/care-orders/{id}/plan", order.careOrderId()))
                .operation("draftCarePlan", 200, client -> {
                    UUID fresh = freshOrder();
                    return client.put()
                            .uri("/api/v1/care-orders/{id}/plan/draft", fresh)
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue(planOf(fresh));
                })
                .operation(
                        "approveCarePlan",
                        200,
                        client -> client.post().uri("/api/v1/care-orders/{id}/plan/approval", draftedOrder()))
                .operation("readResident", 200, client -> client.get().uri("/api/v1/residents/{ref}", resident))
                .operation(
                        "readResidentContact",
                        200,
                        client -> client.get().uri("/api/v1/residents/{ref}/contact", resident))
                .operation(
                        "changeResident",
                        200,
                        client -> client.put()
                                .uri("/api/v1/residents/{ref}", resident)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "address", "서울특별시 마포구 망원로 12, 101호",
                                        "dong", "mangwon1",
                                        "disabled", false,
                                        "incomeTier", "BASIC_LIVELIHOOD",
                                        "reason", "confirmed unchanged")))
                .operation(
                        "readPersonalDataReads",
                        200,
                        client -> client.get().uri("/api/v1/personal-data-reads?resident={ref}", resident));
        return matrix.tests();
    }

    @Test
    void aProviderSeesTheContactOnlyWhileItHoldsAnOpenLineAndTheResidentConsented() {
        UUID resident = residentOf(heldReferral("노연락").careOrderId());
        WebTestClient provider = as(TestTokens.provider(DISTRICT, OWN_PROVIDER));

        provider.get()
                .uri("/api/v1/residents/{ref}/contact", resident)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("노연락")
                .jsonPath("$.phone")
                .isEqualTo("010-2345-6789")
                .jsonPath("$.birthDate")
                .doesNotExist();

        db.sql(
                        "update care_order_line set starts_on = current_date - 10, ends_on = current_date - 1 where care_order_id in"
                                + " (select id from care_order where resident_id = :resident)")
                .bind("resident", resident)
                .then()
                .block();
        provider.get()
                .uri("/api/v1/residents/{ref}/contact", resident)
                .exchange()
                .expectStatus()
                .isNotFound();

        IntakeAnswer withoutConsent = senior().named("노동의").meals(3).submitTo(careManager());
        assign(withoutConsent.careOrderId(), OWN_PROVIDER);
        provider.get()
                .uri("/api/v1/residents/{ref}/contact", residentOf(withoutConsent.careOrderId()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(String.valueOf(detail)).contains("window arranges"));
    }

    @Test
    void aCareManagerWithDongsReachesThoseDongsOnly() {
        IntakeAnswer hapjeong =
                senior().named("한동네").inDong("hapjeong").meals(3).submitTo(careManager());
        WebTestClient mangwonOnly = as(TestTokens.careManager(DISTRICT, "mangwon1"));

        mangwonOnly
                .get()
                .uri("/api/v1/care-orders/{id}", hapjeong.careOrderId())
                .exchange()
                .expectStatus()
                .isNotFound();
        mangwonOnly
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(senior().named("한동네").inDong("hapjeong").meals(3).json())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("resident.dong");
    }

    @Test
    void everyReadOfPersonalDataIsAuditedAndThePrivacyOfficerCanAskByResidentAndByCaller() {
        UUID resident = residentOf(heldReferral("감사순").careOrderId());
        careManager()
                .get()
                .uri("/api/v1/residents/{ref}", resident)
                .exchange()
                .expectStatus()
                .isOk();
        as(TestTokens.provider(DISTRICT, OWN_PROVIDER))
                .get()
                .uri("/api/v1/residents/{ref}/contact", resident)
                .exchange()
                .expectStatus()
                .isOk();
        // refused reads show nothing, so they record nothing
        as(TestTokens.careManager("seodaemun"))
                .get()
                .uri("/api/v1/residents/{ref}", resident)
                .exchange()
                .expectStatus()
                .isNotFound();

        WebTestClient officer = as(TestTokens.privacyOfficer(DISTRICT));
        officer.get()
                .uri("/api/v1/personal-data-reads?resident={ref}", resident)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].caller")
                .isEqualTo("provider@" + OWN_PROVIDER)
                .jsonPath("$[0].role")
                .isEqualTo("PROVIDER")
                .jsonPath("$[0].fields")
                .isEqualTo(List.of("name", "phone", "address"))
                .jsonPath("$[0].purpose")
                .isEqualTo("visit")
                .jsonPath("$[1].caller")
                .isEqualTo("care-manager@mapo");
        officer.get()
                .uri("/api/v1/personal-data-reads?caller={caller}&resident={ref}", "provider@" + OWN_PROVIDER, resident)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1);
        officer.get()
                .uri("/api/v1/personal-data-reads")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("resident");
        // another district's officer cannot tell the resident exists, nor see what its callers read
        as(TestTokens.privacyOfficer("seodaemun"))
                .get()
                .uri("/api/v1/personal-data-reads?resident={ref}", resident)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.privacyOfficer("seodaemun"))
                .get()
                .uri("/api/v1/personal-data-reads?caller={caller}", "care-manager@mapo")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(0);

        assertThatThrownBy(() -> db.sql("delete from personal_data_read").then().block())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("update personal_data_read set caller = 'nobody'")
                        .then()
                        .block())
                .hasMessageContaining("append-only");
    }

    @Test
    void anIdempotencyKeyIsTheCallersOwn() {
        String key = "shared-" + UUID.randomUUID();
        String body = senior().named("열쇠순").meals(2).json();
        UUID first = submitWithKey(careManager(), key, body);
        WebTestClient window = as(TestTokens.window(DISTRICT));
        // Not a replay of the first answer: the same request with the window's own key is a new request, refused
        // because the order it would duplicate is open.
        window.post()
                .uri("/api/v1/care-requests")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.existingOrderId")
                .isEqualTo(first.toString());
        // Nor is the key blocked for the window: another request with it is taken.
        UUID second = submitWithKey(window, key, senior().named("열쇠돌").meals(2).json());
        assertThat(second).isNotEqualTo(first);
        assertThat(submitWithKey(careManager(), key, body)).isEqualTo(first);
    }

    @Test
    void aRejectedApplicantsContactDetailsAreErasedAfterTheAppealPeriod() {
        IntakeAnswer rejected = CareRequests.residentAged(30)
                .named("거절민")
                .phone("010-9999-0001")
                .meals(2)
                .submitTo(careManager());
        assertThat(rejected.status().name()).isEqualTo("REJECTED");
        UUID resident = residentOf(rejected.careOrderId());
        IntakeAnswer recent = CareRequests.residentAged(31)
                .named("최근민")
                .phone("010-9999-0002")
                .meals(2)
                .submitTo(careManager());
        db.sql("update care_order set created_at = now() - interval '91 days' where id = :id")
                .bind("id", rejected.careOrderId())
                .then()
                .block();

        assertThat(erasure.eraseDue().block()).isGreaterThanOrEqualTo(1L);

        Map<String, Object> erased = db.sql("select name, phone, address, birth_date, income_tier, erased_at"
                        + " from resident where id = :id")
                .bind("id", resident)
                .fetch()
                .one()
                .block();
        assertThat(erased)
                .containsEntry("name", null)
                .containsEntry("phone", null)
                .containsEntry("address", null)
                .containsEntry("income_tier", "BASIC_LIVELIHOOD");
        assertThat(erased.get("birth_date")).isNotNull();
        assertThat(erased.get("erased_at")).isNotNull();
        assertThat(count("select count(*) from resident where erased_at is null and id = '"
                        + residentOf(recent.careOrderId()) + "'"))
                .as("a rejection still open to appeal keeps its record")
                .isEqualTo(1);
        careManager()
                .get()
                .uri("/api/v1/residents/{ref}", resident)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** A new order of the demo district for each call of the matrix, so that every allowed change can succeed. */
    private UUID freshOrder() {
        return senior().namedUniquely("권매트").meals(2).submitTo(careManager()).careOrderId();
    }

    private static final Map<String, Object> ASSESSMENT = Map.of(
            "needs",
            Map.of("MEALS", "HIGH"),
            "livingSituation",
            "ALONE",
            "chronicConditions",
            2,
            "admissionsLastYear",
            0,
            "longTermCare",
            "NOT_APPLIED",
            "emergency",
            false);

    private UUID assessedOrder() {
        UUID order = freshOrder();
        careManager()
                .put()
                .uri("/api/v1/care-orders/{id}/assessment", order)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ASSESSMENT)
                .exchange()
                .expectStatus()
                .isOk();
        return order;
    }

    /** A daily plan of the order's only line, over its whole period. */
    private Map<String, Object> planOf(UUID order) {
        Map<String, Object> line = db.sql(
                        "select id, starts_on, ends_on from care_order_line where care_order_id = :id")
                .bind("id", order)
                .map(row -> Map.<String, Object>of(
                        "lineId", row.get("id", UUID.class),
                        "quantityPerOccurrence", 1,
                        "rule", "FREQ=DAILY",
                        "startsOn",
                                row.get("starts_on", java.time.LocalDate.class).toString(),
                        "endsOn", row.get("ends_on", java.time.LocalDate.class).toString()))
                .one()
                .block();
        return Map.of("lines", List.of(line));
    }

    private UUID draftedOrder() {
        UUID order = freshOrder();
        careManager()
                .put()
                .uri("/api/v1/care-orders/{id}/plan/draft", order)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(planOf(order))
                .exchange()
                .expectStatus()
                .isOk();
        return order;
    }

    private UUID heldOrder() {
        UUID order = freshOrder();
        careManager()
                .post()
                .uri("/api/v1/care-orders/{id}/hold", order)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "RESIDENT_AWAY"))
                .exchange()
                .expectStatus()
                .isOk();
        return order;
    }

    private UUID submitWithKey(WebTestClient client, String key, String body) {
        return client.post()
                .uri("/api/v1/care-requests")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody()
                .careOrderId();
    }

    private void assign(UUID order, String provider) {
        db.sql("update care_order_line set provider_id = :provider, last_resort = false, assigned_on = current_date"
                        + " where care_order_id = :order")
                .bind("provider", provider)
                .bind("order", order)
                .then()
                .block();
    }

    private UUID residentOf(UUID order) {
        return db.sql("select resident_id from care_order where id = :id")
                .bind("id", order)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }
}
