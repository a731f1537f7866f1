package kr.dolbom.matching.delivery;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.HostileJson;
import kr.dolbom.testsupport.HostileTraffic;
import kr.dolbom.testsupport.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever a provider's client sends to {@code POST /api/v1/deliveries}, the answer is no server
 * error, a refusal is problem+json, and a refused report leaves no trace. jqwik's generators (it has no Spring
 * Boot 4 integration) feed a plain test on the running service.
 */
class DeliveryFuzzIT extends MatchingIntegrationTest {

    private static final int CASES = 200;
    private static final String COUNTS = """
            select (select count(*) from delivery) || '/' || (select count(*) from outbox_event) || '/'
            || (select sum(delivered) from line_assignment)""";
    private static final LocalDate YESTERDAY =
            LocalDate.now(PlatformAutoConfiguration.SEOUL).minusDays(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noReportGetsAServerErrorAndARefusedOneStoresNothing() {
        AssignedLines lines = AssignedLines.placeAndMatch(db, members());
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("lineId", lines.homeCare().lineId().toString());
        visit.put("providerId", lines.homeCare().providerId());
        visit.put("serviceDate", YESTERDAY.toString());
        visit.put("startTime", "09:00");
        visit.put("endTime", "11:30");
        visit.put("workerRef", "CARER-01");
        visit.put("outcome", "DELIVERED");
        Map<String, Object> meals = new LinkedHashMap<>();
        meals.put("lineId", lines.meals().lineId().toString());
        meals.put("providerId", lines.meals().providerId());
        meals.put("serviceDate", YESTERDAY.toString());
        meals.put("units", 1);
        meals.put("workerRef", "DRIVER-01");
        meals.put("outcome", "DELIVERED");
        Arbitrary<String> bodies = Arbitraries.oneOf(
                HostileJson.bodiesLike(JSON.writeValueAsString(visit)),
                HostileJson.bodiesLike(JSON.writeValueAsString(meals)));

        WebTestClient provider = as(TestTokens.provider(
                lines.homeCare().district(), lines.homeCare().providerId()));
        HostileTraffic.post(provider, "/api/v1/deliveries", bodies, CASES, 201, this::counts);
    }

    private String counts() {
        return db.sql(COUNTS).map(row -> row.get(0, String.class)).one().block();
    }
}
