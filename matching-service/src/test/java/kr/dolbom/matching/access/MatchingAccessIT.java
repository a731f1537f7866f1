package kr.dolbom.matching.access;

import static kr.dolbom.testsupport.AuthorizationMatrix.DISTRICT;
import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.assignment.AssignmentExplanation;
import kr.dolbom.matching.provider.Candidate;
import kr.dolbom.matching.provider.MatchingHistory;
import kr.dolbom.matching.provider.MatchingPolicy;
import kr.dolbom.testsupport.AuthorizationMatrix;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Matching's access policy against the running service: the generated matrix and a provider's caseload. */
class MatchingAccessIT extends MatchingIntegrationTest {

    private static LocalDate today() {
        return LocalDate.now();
    }

    @Autowired
    private JsonMapper json;

    /** A meal line of a mapo resident held by the own provider, long enough for every report of the matrix. */
    private UUID mealLine(String provider) {
        UUID line = UUID.randomUUID();
        db.sql("""
                        insert into line_assignment (line_id, care_order_id, provider_id, last_resort, service_type,
                                                     resident_ref, district, dong, income_tier, quantity, starts_on,
                                                     ends_on, assigned_on)
                        values (:line, :order, :provider, false, 'MEAL_SUPPORT', :resident, :district, 'mangwon1',
                                'GENERAL', 1000, :from, :to, :from)""")
                .bind("line", line)
                .bind("order", UUID.randomUUID())
                .bind("provider", provider)
                .bind("resident", UUID.randomUUID())
                .bind("district", DISTRICT)
                .bind("from", today().minusDays(300))
                .bind("to", today().plusDays(30))
                .then()
                .block();
        return line;
    }

    /** The line's explanation, as matching would have kept it had it matched the line itself. */
    private void explain(UUID line) {
        db.sql("update line_assignment set explanation = cast(:explanation as jsonb) where line_id = :line")
                .bind("explanation", json.writeValueAsString(explanation(line)))
                .bind("line", line)
                .then()
                .block();
    }

    private static AssignmentExplanation explanation(UUID line) {
        return new AssignmentExplanation(
                line,
                ServiceType.MEAL_SUPPORT,
                DISTRICT,
                "mangwon1",
                today().minusDays(300),
                OWN_PROVIDER,
                false,
                null,
                OWN_PROVIDER + " gets the line",
                MatchingPolicy.RULE,
                MatchingPolicy.rank(
                        List.of(new Candidate(OWN_PROVIDER, 120, 1)), MatchingHistory.none(YearMonth.from(today()))),
                List.of());
    }

    /** A meal line of a mapo resident waiting for the own provider's answer to its offer. */
    private UUID openOffer() {
        UUID line = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID offer = UUID.randomUUID();
        OrderPlaced placed = new OrderPlaced(
                order,
                UUID.randomUUID(),
                DISTRICT,
                "mangwon1",
                IncomeTier.GENERAL,
                true,
                RequestChannel.DONG_CENTRE,
                today(),
                List.of(new OrderPlaced.Line(line, ServiceType.MEAL_SUPPORT, 10, null, today(), today().plusDays(30))));
        db.sql("""
                        insert into line_offering (line_id, care_order_id, placed, income_tier, urgent)
                        values (:line, :order, cast(:placed as jsonb), 'GENERAL', true)""")
                .bind("line", line)
                .bind("order", order)
                .bind("placed", json.writeValueAsString(placed))
                .then()
                .block();
        db.sql("""
                        insert into line_offer (offer_id, line_id, care_order_id, provider_id, service_type, district,
                                                dong, urgent, round, offered_at, answer_by, explanation)
                        values (:offer, :line, :order, :provider, 'MEAL_SUPPORT', :district, 'mangwon1', true, 1, now(),
                                now() + interval '2 hours', cast(:explanation as jsonb))""")
                .bind("offer", offer)
                .bind("line", line)
                .bind("order", order)
                .bind("provider", OWN_PROVIDER)
                .bind("district", DISTRICT)
                .bind("explanation", json.writeValueAsString(explanation(line)))
                .then()
                .block();
        return offer;
    }

    /** The line of a fresh open offer, waiting for its member. */
    private UUID waitingLine() {
        UUID offer = openOffer();
        return db.sql("select line_id from line_offer where offer_id = :offer")
                .bind("offer", offer)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    /** A member of the demo district of its own, so that suspending it takes nothing from the others. */
    private String member(boolean suspended) {
        String id = "mapo-matrix-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("insert into provider (id, name, kind, district, suspended_at, suspension_reason) values (:id, :id,"
                        + " 'SOCIAL_COOPERATIVE', :district, " + (suspended ? "now(), 'test'" : "null, null") + ")")
                .bind("id", id)
                .bind("district", DISTRICT)
                .then()
                .block();
        return id;
    }

    private String memberOfferingMeals() {
        String id = member(false);
        db.sql("insert into provider_service (provider_id, service_type, capacity) values (:id, 'MEAL_SUPPORT', 10)")
                .bind("id", id)
                .then()
                .block();
        return id;
    }

    private static Map<String, Object> meals(UUID line, LocalDate day) {
        return Map.of(
                "lineId",
                line,
                "providerId",
                OWN_PROVIDER,
                "serviceDate",
                day.toString(),
                "units",
                1,
                "workerRef",
                "DRIVER-01",
                "outcome",
                "DELIVERED");
    }

    private UUID report(UUID line, LocalDate day) {
        return as(TestTokens.provider(DISTRICT, OWN_PROVIDER))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(meals(line, day))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("deliveryId")
                .toString()
                .transform(UUID::fromString);
    }

    @TestFactory
    Stream<DynamicNode> authorizationMatrix() {
        UUID line = mealLine(OWN_PROVIDER);
        explain(line);
        UUID delivery = report(line, today().minusDays(1));
        // reported months late: held for the window, which answers the same way twice
        UUID toRelease = report(line, today().minusDays(100));
        UUID toReject = report(line, today().minusDays(101));
        UUID offer = openOffer();
        AtomicInteger daysBack = new AtomicInteger(2);
        return AuthorizationMatrix.of(http, MatchingAccess.POLICY)
                .operation("listProviders", 200, client -> client.get().uri("/api/v1/providers?district={d}", DISTRICT))
                .operation("readAssignment", 200, client -> client.get().uri("/api/v1/assignments/{line}", line))
                .operation(
                        "readAssignmentExplanation",
                        200,
                        client -> client.get().uri("/api/v1/assignments/{line}/explanation", line))
                .operation(
                        "listAssignments",
                        200,
                        client -> client.get().uri("/api/v1/assignments?provider={p}", OWN_PROVIDER))
                .creation(
                        "reportDelivery",
                        201,
                        client -> client.post()
                                .uri("/api/v1/deliveries")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(meals(line, today().minusDays(daysBack.getAndIncrement()))))
                .operation("readDelivery", 200, client -> client.get().uri("/api/v1/deliveries/{id}", delivery))
                .operation(
                        "listHeldDeliveries",
                        200,
                        client -> client.get().uri("/api/v1/deliveries/held?provider={p}", OWN_PROVIDER))
                .operation(
                        "releaseDelivery",
                        200,
                        client -> client.post()
                                .uri("/api/v1/deliveries/{id}/release", toRelease)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("note", "월말 정산 전 확인")))
                .operation(
                        "rejectDelivery",
                        200,
                        client -> client.post()
                                .uri("/api/v1/deliveries/{id}/reject", toReject)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("note", "증빙 없음")))
                .operation(
                        "voidDelivery",
                        200,
                        client -> client.post()
                                .uri(
                                        "/api/v1/deliveries/{id}/void",
                                        report(line, today().minusDays(daysBack.getAndIncrement())))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reason", "DUPLICATE_REPORT", "note", "중복 보고")))
                .operation("listOffers", 200, client -> client.get().uri("/api/v1/offers?provider={p}", OWN_PROVIDER))
                .operation("readOffer", 200, client -> client.get().uri("/api/v1/offers/{o}", offer))
                .operation(
                        "acceptOffer", 200, client -> client.post().uri("/api/v1/offers/{o}/acceptance", openOffer()))
                .operation(
                        "declineOffer",
                        200,
                        client -> client.post()
                                .uri("/api/v1/offers/{o}/decline", openOffer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reason", "NO_WORKER_AVAILABLE")))
                .operation(
                        "dispatchLine",
                        200,
                        client -> client.post()
                                .uri("/api/v1/assignments/{line}/dispatch", waitingLine())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("providerId", "mapo-public-homecare", "reason", "긴급: 당일 방문")))
                .operation(
                        "reassignLine",
                        200,
                        client -> client.post()
                                .uri("/api/v1/assignments/{line}/reassignment", mealLine(OWN_PROVIDER))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("providerId", "mapo-public-homecare", "reason", "이용자 요청")))
                .operation(
                        "handBackLine",
                        200,
                        client -> client.post()
                                .uri("/api/v1/assignments/{line}/hand-back", mealLine(OWN_PROVIDER))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reason", "NO_WORKER_AVAILABLE")))
                .operation(
                        "suspendProvider",
                        200,
                        client -> client.post()
                                .uri("/api/v1/providers/{p}/suspension", member(false))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reason", "계약 위반 조사 중")))
                .operation(
                        "resumeProvider",
                        204,
                        client -> client.delete().uri("/api/v1/providers/{p}/suspension", member(true)))
                .operation(
                        "addContractPeriod",
                        200,
                        client -> client.post()
                                .uri("/api/v1/providers/{p}/contract-periods", member(false))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("startsOn", "2027-01-01", "reason", "2027년 협약")))
                .operation(
                        "changeProviderService",
                        200,
                        client -> client.put()
                                .uri("/api/v1/providers/{p}/services/MEAL_SUPPORT", memberOfferingMeals())
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("capacity", 40, "agreedShare", 2, "reason", "2027년 협약 갱신")))
                .creation(
                        "registerProvider",
                        201,
                        client -> client.post()
                                .uri("/api/v1/providers")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "id",
                                        "mapo-new-"
                                                + UUID.randomUUID().toString().substring(0, 8),
                                        "name",
                                        "새마을반찬 협동조합",
                                        "kind",
                                        "COOPERATIVE",
                                        "district",
                                        DISTRICT,
                                        "zones",
                                        List.of("north"),
                                        "services",
                                        List.of(Map.of(
                                                "serviceType", "MEAL_SUPPORT", "capacity", 10, "agreedShare", 1)),
                                        "contractStartsOn",
                                        "2027-01-01",
                                        "reason",
                                        "2027년 컨소시엄 가입")))
                .operation("readProvider", 200, client -> client.get().uri("/api/v1/providers/{p}", OWN_PROVIDER))
                .operation(
                        "changeProviderZones",
                        200,
                        client -> client.put()
                                .uri("/api/v1/providers/{p}/zones", member(false))
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("zones", List.of("south"), "reason", "권역 조정")))
                .operation(
                        "readProviderHistory",
                        200,
                        client -> client.get().uri("/api/v1/providers/{p}/history", OWN_PROVIDER))
                .tests();
    }

    @Test
    void aProviderSeesItsOwnCaseloadOnlyAndAnotherProvidersLineIsNotFound() {
        UUID own = mealLine(OWN_PROVIDER);
        UUID others = mealLine(AuthorizationMatrix.OTHER_PROVIDER);
        WebTestClient provider = as(TestTokens.provider(DISTRICT, OWN_PROVIDER));

        provider.get()
                .uri("/api/v1/assignments?provider={p}", OWN_PROVIDER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.lineId == '%s')]".formatted(own))
                .exists()
                .jsonPath("$[?(@.lineId == '%s')]".formatted(others))
                .doesNotExist()
                .jsonPath("$[?(@.providerId != '%s')]".formatted(OWN_PROVIDER))
                .doesNotExist();
        provider.get()
                .uri("/api/v1/assignments/{line}", others)
                .exchange()
                .expectStatus()
                .isNotFound();
        provider.post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(meals(others, today().minusDays(1)))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count("select count(*) from delivery where line_id = '" + others + "'"))
                .isZero();
        // an unknown provider and a known one of the district answer alike to a caller that may not see either
        as(TestTokens.window("seodaemun"))
                .get()
                .uri("/api/v1/assignments?provider={p}", "no-such-provider")
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
