package kr.dolbom.matching;

import java.time.Duration;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The matching service on a real Kafka broker and a real PostgreSQL; one context for all its integration tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + MatchingApplication.CONFIG_NAME, "dolbom.demo-data=true"})
@AutoConfigureWebTestClient
public abstract class MatchingIntegrationTest {

    protected static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();
    protected static final KafkaTestClient KAFKA = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers());

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.register(registry, "matching");
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
    }

    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
