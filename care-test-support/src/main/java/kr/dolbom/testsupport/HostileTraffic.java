package kr.dolbom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Posts {@link HostileJson} bodies to one endpoint and holds it to the promise for bad input: never a server
 * error, every refusal problem+json, and a refused body stores nothing (as {@code counts} of the tables the
 * endpoint writes show).
 */
public final class HostileTraffic {

    private static final Logger log = LoggerFactory.getLogger(HostileTraffic.class);

    private HostileTraffic() {}

    public static void post(
            WebTestClient client,
            String uri,
            Arbitrary<String> bodies,
            int cases,
            int createdStatus,
            Supplier<String> counts) {
        send(client, HttpMethod.POST, uri, bodies, cases, createdStatus, counts);
    }

    /** The same for another method with a body, such as a {@code PUT} that sets a new version. */
    public static void send(
            WebTestClient client,
            HttpMethod method,
            String uri,
            Arbitrary<String> bodies,
            int cases,
            int createdStatus,
            Supplier<String> counts) {
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> answers = new TreeMap<>();
        bodies.sampleStream().limit(cases).forEach(body -> {
            String before = counts.get();
            EntityExchangeResult<byte[]> result = client.method(method)
                    .uri(uri)
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
                            : status != createdStatus && !counts.get().equals(before)
                                    ? "refused but stored something"
                                    : null;
            if (problem != null) {
                byte[] answer = result.getResponseBodyContent();
                failures.add(problem + " (" + status + ") for " + abbreviated(body) + " → "
                        + abbreviated(new String(answer == null ? new byte[0] : answer, StandardCharsets.UTF_8)));
            }
        });
        log.info("{} bodies to {} answered by status: {}", cases, uri, answers);
        assertThat(failures).as("answers that break the promise").isEmpty();
    }

    private static String abbreviated(String text) {
        String printable = text.replace("\u0000", "\\u0000");
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "… (" + text.length() + " chars)";
    }
}
