package kr.dolbom.intake.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.CareRequests;
import kr.dolbom.testsupport.HostileJson;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Property: whatever body arrives at {@code POST /api/v1/care-requests}, the answer is no server error, a
 * refusal is problem+json, and a refused request leaves no trace. jqwik has no Spring Boot 4 integration
 * (jqwik-spring 0.12 is built on jqwik 1.8 and Boot 3), so its generators feed a plain test on the running
 * service.
 */
class CareRequestFuzzIT extends IntakeIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(CareRequestFuzzIT.class);

    private static final int CASES = 200;
    private static final String COUNTS = """
            select (select count(*) from care_order) || '/' || (select count(*) from resident) || '/'
            || (select count(*) from resident_version) || '/' || (select count(*) from outbox_event)
            || '/' || (select count(*) from idempotency_key)""";

    @Test
    void noBodyGetsAServerErrorAndARefusedOneStoresNothing() {
        // A resident of its own: a mutation that happens to be valid must not change anyone another test uses.
        String valid = CareRequests.senior()
                .named("퍼즈" + UUID.randomUUID().toString().substring(0, 8))
                .homeCare(2, 90)
                .meals(5)
                .json();
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        HostileJson.bodiesLike(valid).sampleStream().limit(CASES).forEach(body -> {
            String before = counts();
            EntityExchangeResult<byte[]> result = careManager()
                    .post()
                    .uri("/api/v1/care-requests")
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
                failures.add(problem + " (" + status + ") for " + abbreviated(body) + " → "
                        + abbreviated(new String(
                                result.getResponseBodyContent() == null ? new byte[0] : result.getResponseBodyContent(),
                                StandardCharsets.UTF_8)));
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
