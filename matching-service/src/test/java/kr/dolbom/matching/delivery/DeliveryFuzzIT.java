package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.HostileJson;
import kr.dolbom.testsupport.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property: whatever a provider's client sends to {@code POST /api/v1/deliveries}, the answer is no server
 * error, a refusal is problem+json, and a refused report leaves no trace. jqwik's generators (it has no Spring
 * Boot 4 integration) feed a plain test on the running service.
 */
class DeliveryFuzzIT extends MatchingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFuzzIT.class);

    private static final int CASES = 200;
    private static final String COUNTS = """
            select (select count(*) from delivery) || '/' || (select count(*) from outbox_event) || '/'
            || (select sum(delivered) from line_assignment)""";
    private static final LocalDate YESTERDAY =
            LocalDate.now(PlatformAutoConfiguration.SEOUL).minusDays(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void noReportGetsAServerErrorAndARefusedOneStoresNothing() {
        AssignedLines lines = AssignedLines.placeAndMatch(db, KAFKA);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("lineId", lines.homeCare().lineId().toString());
        visit.put("providerId", lines.homeCare().providerId());
        visit.put("serviceDate", YESTERDAY.toString());
        visit.put("startTime", "09:00");
        visit.put("endTime", "11:30");
        Map<String, Object> meals = new LinkedHashMap<>();
        meals.put("lineId", lines.meals().lineId().toString());
        meals.put("providerId", lines.meals().providerId());
        meals.put("serviceDate", YESTERDAY.toString());
        meals.put("units", 1);
        Arbitrary<String> bodies = Arbitraries.oneOf(
                HostileJson.bodiesLike(JSON.writeValueAsString(visit)),
                HostileJson.bodiesLike(JSON.writeValueAsString(meals)));

        WebTestClient provider = as(TestTokens.provider(
                lines.homeCare().district(), lines.homeCare().providerId()));
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        bodies.sampleStream().limit(CASES).forEach(body -> {
            String before = counts();
            EntityExchangeResult<byte[]> result = provider.post()
                    .uri("/api/v1/deliveries")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                    .exchange()
                    .expectBody()
                    .returnResult();
            int status = result.getStatus().value();
            answers.merge(status, 1, Integer::sum);
            MediaType type = result.getResponseHeaders().getContentType();
            String problem = status >= 500
                    ? "server error"
                    : status >= 400 && !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)
                            ? "refusal as " + type
                            : status != 201 && !counts().equals(before) ? "refused but stored something" : null;
            if (problem != null) {
                byte[] answer = result.getResponseBodyContent();
                failures.add(problem + " (" + status + ") for " + abbreviated(body) + " → "
                        + abbreviated(new String(answer == null ? new byte[0] : answer, StandardCharsets.UTF_8)));
            }
        });
        log.info("{} bodies answered by status: {}", CASES, answers);
        assertThat(failures).as("answers that break the promise").isEmpty();
    }

    private String counts() {
        return db.sql(COUNTS).map(row -> row.get(0, String.class)).one().block();
    }

    private static String abbreviated(String text) {
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
