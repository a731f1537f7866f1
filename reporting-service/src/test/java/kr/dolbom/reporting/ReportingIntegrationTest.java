package kr.dolbom.reporting;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The reporting service on a real Kafka broker and a real PostgreSQL (embedded unless configured otherwise),
 * one application context for all integration tests of the module. The tests share its database, so each
 * one reports on districts and providers of its own ({@link #unique(String)}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReportingApplication.CONFIG_NAME)
public abstract class ReportingIntegrationTest extends ServiceIntegrationTest {

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
}
