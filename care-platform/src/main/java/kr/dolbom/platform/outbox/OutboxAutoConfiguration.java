package kr.dolbom.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.platform.kafka.CareKafkaAutoConfiguration;
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
            @Value("${spring.application.name}") String service) {
        return new Outbox(db, codec, "/dolbom/" + service, clock, relay::wakeUp);
    }
}
