package kr.dolbom.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.EventEnvelope;
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
 * The reporting service on a real Kafka broker and a real PostgreSQL (embedded unless configured otherwise),
 * one application context for all integration tests of the module. The tests share its database, so each
 * one reports on districts and providers of its own ({@link #unique(String)}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReportingApplication.CONFIG_NAME)
@AutoConfigureWebTestClient
public abstract class ReportingIntegrationTest {

    protected static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();
    protected static final KafkaTestClient KAFKA = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers());

    @Autowired
    protected WebTestClient http;

    @Autowired
    protected DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.register(registry, "reporting");
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100));
    }

    /** A district or provider id no other test uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes an event as its producing service would, now. */
    protected static EventEnvelope publish(CareEvent event) {
        EventEnvelope envelope = EventEnvelope.of(event, CareEvents.producerOf(event), Instant.now());
        KAFKA.publish(envelope);
        return envelope;
    }

    /** Waits until every one of these events has been applied: its inbox row commits with its effect. */
    protected void awaitApplied(EventEnvelope... envelopes) {
        String ids = Arrays.stream(envelopes).map(envelope -> "'" + envelope.id() + "'").collect(Collectors.joining(","));
        eventually().until(() -> count("select count(*) from processed_event where event_id in (" + ids + ")")
                == envelopes.length);
    }

    protected long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }
}
