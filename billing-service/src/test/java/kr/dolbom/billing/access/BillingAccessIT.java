package kr.dolbom.billing.access;

import static kr.dolbom.testsupport.AuthorizationMatrix.DISTRICT;
import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_PROVIDER;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.AuthorizationMatrix;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;

/**
 * Billing's access policy against the running service, as the generated matrix. Each change of a settlement is
 * called on a month of its own, in the state the change needs: the one caller it admits (the own provider, or the
 * own district's billing officer) moves it on, every other gets 401, 403 or 404.
 */
class BillingAccessIT extends BillingIntegrationTest {

    @TestFactory
    Stream<DynamicNode> authorizationMatrix() {
        Deliveries deliveries = new Deliveries(OWN_PROVIDER);
        EventEnvelope visit = deliveries.homeCareVisit(LocalDate.of(2026, 11, 4), 120);
        UUID delivery = ((ServiceDelivered) visit.data()).deliveryId();
        KAFKA.publish(visit);
        // a month to submit, one submitted to approve, one approved to pay
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2025, 6, 2), 120));
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2025, 7, 2), 120));
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2025, 8, 2), 120));
        eventually().until(() -> count("select count(*) from charge where provider_id = '" + OWN_PROVIDER + "'") == 4);
        step("2025-07", "submission", TestTokens.provider(DISTRICT, OWN_PROVIDER));
        step("2025-08", "submission", TestTokens.provider(DISTRICT, OWN_PROVIDER));
        step("2025-08", "approval", TestTokens.billingOfficer(DISTRICT));
        String today = LocalDate.now(PlatformAutoConfiguration.SEOUL).toString();

        return AuthorizationMatrix.of(http, BillingAccess.POLICY)
                .operation("listTariffs", 200, client -> client.get().uri("/api/v1/tariffs"))
                .operation("readTariffHistory", 200, client -> client.get().uri("/api/v1/tariffs/{d}", DISTRICT))
                // far ahead and the city's own price: no other test's delivery is priced differently
                .creation(
                        "addTariff",
                        201,
                        client -> client.post()
                                .uri("/api/v1/tariffs/{d}", DISTRICT)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "serviceType",
                                        "MOBILITY_SUPPORT",
                                        "validFrom",
                                        "2090-01-01",
                                        "pricing",
                                        "TIME_RATE",
                                        "rate",
                                        14_800,
                                        "basisMinutes",
                                        60,
                                        "stepMinutes",
                                        30,
                                        "minimumMinutes",
                                        30,
                                        "basis",
                                        "matrix")))
                .operation(
                        "readChargeOfDelivery",
                        200,
                        client -> client.get().uri("/api/v1/charges/by-delivery/{id}", delivery))
                .operation(
                        "readSettlement",
                        200,
                        client -> client.get().uri("/api/v1/settlements?provider={p}&month=2026-11", OWN_PROVIDER))
                .operation(
                        "submitSettlement",
                        200,
                        client -> client.post().uri("/api/v1/settlements/{p}/2025-06/submission", OWN_PROVIDER))
                .operation(
                        "approveSettlement",
                        200,
                        client -> client.post().uri("/api/v1/settlements/{p}/2025-07/approval", OWN_PROVIDER))
                .operation(
                        "recordSettlementPayment",
                        200,
                        client -> client.post()
                                .uri("/api/v1/settlements/{p}/2025-08/payment", OWN_PROVIDER)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("reference", "matrix-1", "paidOn", today)))
                .operation(
                        "exportStatement",
                        200,
                        client -> client.get().uri("/api/v1/settlements/{p}/2026-11/statement.xlsx", OWN_PROVIDER))
                .operation(
                        "exportPaymentList",
                        200,
                        client -> client.get().uri("/api/v1/payment-lists/{d}/2025-08.csv", DISTRICT))
                .operation("listFundingRules", 200, client -> client.get().uri("/api/v1/funding-rules/{d}", DISTRICT))
                // the same split as the city-wide rule, far ahead: no other test's charge is split differently
                .creation(
                        "addFundingRule",
                        201,
                        client -> client.post()
                                .uri("/api/v1/funding-rules/{d}", DISTRICT)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of(
                                        "serviceType", "HOUSING_REPAIR",
                                        "incomeTier", "GENERAL",
                                        "effectiveFrom", "2090-01-01",
                                        "publicShareBasisPoints", 0,
                                        "basis", "matrix")))
                .operation("readBudgets", 200, client -> client.get().uri("/api/v1/budgets/{d}/2090", DISTRICT))
                .creation(
                        "setBudget",
                        200,
                        client -> client.put()
                                .uri("/api/v1/budgets/{d}/2090/HOUSING_REPAIR", DISTRICT)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("amount", 1_000_000, "basis", "matrix")))
                .tests();
    }

    private void step(String month, String step, TestTokens.Token caller) {
        as(caller)
                .post()
                .uri("/api/v1/settlements/{p}/{m}/{step}", OWN_PROVIDER, month, step)
                .exchange()
                .expectStatus()
                .isOk();
    }
}
