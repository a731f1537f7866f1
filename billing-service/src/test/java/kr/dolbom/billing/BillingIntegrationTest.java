package kr.dolbom.billing;

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

/**
 * The billing service on a real Kafka broker and a real PostgreSQL; one context for all its integration
 * tests. Meals have two dated prices, repairs none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + BillingApplication.CONFIG_NAME,
        "dolbom.billing.unit-prices[0].service=MEAL_SUPPORT",
        "dolbom.billing.unit-prices[0].effective-from=2021-01-01",
        "dolbom.billing.unit-prices[0].price=5000",
        "dolbom.billing.unit-prices[1].service=MEAL_SUPPORT",
        "dolbom.billing.unit-prices[1].effective-from=2026-01-01",
        "dolbom.billing.unit-prices[1].price=6000",
        "dolbom.billing.unit-prices[1].basis=test notice 2026-1"})
@AutoConfigureWebTestClient
public abstract class BillingIntegrationTest {

    protected static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();
    protected static final KafkaTestClient KAFKA = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers());

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.register(registry, "billing");
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
    }

    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
