package kr.dolbom.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's integration tests: its Spring context (declared by the subclass with {@code @SpringBootTest})
 * on a real Kafka broker and, in a database of its own, a real PostgreSQL, embedded unless configured, trusting
 * the real signing key of {@link TestTokens}: {@code http} is anonymous, {@link #as} presents a caller's token.
 * Subclasses with the same configuration share one context and one database.
 */
// Generous: a first request on a loaded two-core machine can take seconds while the JIT warms up.
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class ServiceIntegrationTest {

    protected static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();
    protected static final KafkaTestClient KAFKA = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers());

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.register(registry, "it");
        TestTokens.register(registry);
    }

    /** The client as {@code caller}: a real token of {@link TestTokens}' issuer on every request. */
    protected WebTestClient as(TestTokens.Token caller) {
        String token = caller.mint();
        return http.mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
