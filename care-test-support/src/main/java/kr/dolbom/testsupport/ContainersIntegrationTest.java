package kr.dolbom.testsupport;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Testcontainers variant of a service's main path: its Spring context (declared by the subclass with
 * {@code @SpringBootTest}) on Kafka and PostgreSQL containers. Skipped, with the reason, where Docker does not run.
 */
@EnabledIfDocker
// Generous: a first request on a loaded two-core machine can take seconds while the JIT warms up.
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class ContainersIntegrationTest {

    private static KafkaTestClient kafka;

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        Infrastructure.containers().register(registry, "containers");
        TestTokens.register(registry);
    }

    /** Started on first use only, so that a machine without Docker never touches the containers. */
    protected static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(Infrastructure.containers().kafkaBootstrapServers());
        }
        return kafka;
    }

    @AfterAll
    static synchronized void closeKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }
}
