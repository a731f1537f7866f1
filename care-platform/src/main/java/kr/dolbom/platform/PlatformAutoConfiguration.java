package kr.dolbom.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.kafka.CareTopicsConfiguration;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.outbox.OutboxProperties;
import kr.dolbom.platform.outbox.OutboxRelay;
import kr.dolbom.platform.web.ProblemDetailsAdvice;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * The shared run-time of every care service; each service adds its own features on top. It goes before
 * WebFlux's auto-configuration so that its problem-details handler replaces Boot's generic one.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@EnableConfigurationProperties(OutboxProperties.class)
@Import({CareTopicsConfiguration.class, ProblemDetailsAdvice.class})
public class PlatformAutoConfiguration {

    /** Dates of care (delivery days, months of settlement) are Korean dates, whatever the host's zone. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(SEOUL);
    }

    @Bean
    @ConditionalOnMissingBean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    CareEventCodec careEventCodec() {
        return new CareEventCodec();
    }

    /** Strict REST input: an unknown or misspelt field is an error, not silently dropped. */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /** The relay's producer: idempotent and acks=all whatever the configuration says, so nothing is lost or doubled. */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config,
                new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> outboxKafkaTemplate,
            OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(db, tx, outboxKafkaTemplate, properties, meters);
    }

    @Bean
    Outbox outbox(DatabaseClient db, CareEventCodec codec, Clock clock, OutboxRelay relay,
            @Value("${spring.application.name}") String service) {
        return new Outbox(db, codec, "/dolbom/" + service, clock, relay::wakeUp);
    }

    @Bean
    IdempotentConsumers idempotentConsumers(DatabaseClient db, TransactionalOperator tx, CareEventCodec codec,
            MeterRegistry meters) {
        return new IdempotentConsumers(db, tx, codec, meters, Duration.ofSeconds(30));
    }
}
