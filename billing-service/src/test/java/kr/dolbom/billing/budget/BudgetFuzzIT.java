package kr.dolbom.billing.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.testsupport.HostileJson;
import kr.dolbom.testsupport.HostileTraffic;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever a billing officer's client sends as a budget, the answer is no server error, a refusal is
 * problem+json, and a refused budget records no version, no threshold and no event.
 */
class BudgetFuzzIT extends BillingIntegrationTest {

    private static final int CASES = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noBudgetGetsAServerErrorAndARefusedOneChangesNothing() {
        String district = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("amount", 150_000_000);
        budget.put("basis", "2026 본예산");

        HostileTraffic.send(
                as(TestTokens.billingOfficer(district)),
                HttpMethod.PUT,
                "/api/v1/budgets/" + district + "/2026/MEAL_SUPPORT",
                HostileJson.bodiesLike(JSON.writeValueAsString(budget)),
                CASES,
                200,
                () -> count("select count(*) from budget where district = '" + district + "'") + " / "
                        + count("select count(*) from budget_threshold where district = '" + district + "'")
                        + " / "
                        + count("select count(*) from outbox_event where message_key = '"
                                + Budget.id(district, 2026, kr.dolbom.events.ServiceType.MEAL_SUPPORT) + "'"));
    }
}
