package kr.dolbom.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.platform.kafka.CareKafkaAutoConfiguration;
import kr.dolbom.platform.tracing.TraceParents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The transactional outbox and its relay, for services that publish. A service that only consumes (reporting)
 * sets {@code dolbom.outbox.publishes=false} and has neither.
 */
@AutoConfiguration(after = {PlatformAutoConfiguration.class, CareKafkaAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "dolbom.outbox.publishes", matchIfMissing = true)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            DatabaseClient db,
            TransactionalOperator tx,
            @Qualifier("careKafkaTemplate") KafkaTemplate<String, byte[]> careKafkaTemplate,
            OutboxProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(db, tx, careKafkaTemplate, properties, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(
            DatabaseClient db,
            CareEventCodec codec,
            Clock clock,
            OutboxRelay relay,
            TraceParents traces,
            @Value("${spring.application.name}") String service) {
        return new Outbox(db, codec, "/dolbom/" + service, clock, relay::wakeAfterCommit, traces);
    }

    /** Without a propagator (tracing switched off) no event carries a trace context. */
    @Bean
    @ConditionalOnMissingBean
    TraceParents traceParents(ObjectProvider<Propagator> propagator) {
        return new TraceParents(propagator.getIfAvailable());
    }
}
