package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.HostileJson;
import kr.dolbom.testsupport.HostileTraffic;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever a billing officer's client sends as the payment of an approved month, the answer is no server
 * error, a refusal is problem+json, and a refused payment changes neither the settlement nor the outbox.
 */
class SettlementPaymentFuzzIT extends BillingIntegrationTest {

    private static final int CASES = 150;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noPaymentGetsAServerErrorAndARefusedOneChangesNothing() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 4, 7), 150));
        eventually()
                .until(() ->
                        count("select count(*) from charge where provider_id = '" + provider.provider() + "'") == 1);
        String uri = "/api/v1/settlements/" + provider.provider() + "/2025-04/";
        as(TestTokens.provider("mapo", provider.provider()))
                .post()
                .uri(uri + "submission")
                .exchange()
                .expectStatus()
                .isOk();
        as(TestTokens.billingOfficer("mapo"))
                .post()
                .uri(uri + "approval")
                .exchange()
                .expectStatus()
                .isOk();
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("reference", "마포-지출-2025-0042");
        payment.put("paidOn", LocalDate.now(PlatformAutoConfiguration.SEOUL).toString());

        HostileTraffic.post(
                as(TestTokens.billingOfficer("mapo")),
                uri + "payment",
                HostileJson.bodiesLike(JSON.writeValueAsString(payment)),
                CASES,
                200,
                () -> counts(provider));
    }

    private String counts(Deliveries provider) {
        return db.sql("""
                        select (select string_agg(state || ' v' || version, ',') from settlement
                                where provider_id = :provider) || ' / '
                            || (select count(*) from outbox_event where message_key in
                                   (select id::text from settlement where provider_id = :provider)) || ' / '
                            || (select count(*) from settlement_history where settlement_id in
                                   (select id from settlement where provider_id = :provider))""")
                .bind("provider", provider.provider())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
