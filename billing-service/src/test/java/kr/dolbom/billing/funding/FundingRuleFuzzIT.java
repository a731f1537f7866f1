package kr.dolbom.billing.funding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.testsupport.HostileJson;
import kr.dolbom.testsupport.HostileTraffic;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever a billing officer's client sends as a funding rule, the answer is no server error, a refusal is
 * problem+json, and a refused rule records nothing.
 */
class FundingRuleFuzzIT extends BillingIntegrationTest {

    private static final int CASES = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noRuleGetsAServerErrorAndARefusedOneRecordsNothing() {
        String district = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("serviceType", "MEAL_SUPPORT");
        rule.put("incomeTier", "GENERAL");
        rule.put("effectiveFrom", "2027-01-01");
        rule.put("publicShareBasisPoints", 5_000);
        rule.put("basis", "마포구 고시 2027-1");

        HostileTraffic.post(
                as(TestTokens.billingOfficer(district)),
                "/api/v1/funding-rules/" + district,
                HostileJson.bodiesLike(JSON.writeValueAsString(rule)),
                CASES,
                201,
                () -> String.valueOf(count("select count(*) from funding_rule where district = '" + district + "'")));
    }
}
