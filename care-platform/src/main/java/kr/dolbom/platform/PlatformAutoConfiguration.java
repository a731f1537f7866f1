package kr.dolbom.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.RejectedEventException;
import kr.dolbom.platform.kafka.CareTopicsConfiguration;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.outbox.OutboxProperties;
import kr.dolbom.platform.outbox.OutboxRelay;
import kr.dolbom.platform.web.ProblemDetailsAdvice;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
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

    /**
     * Retries and dead-lettering of every consumer, set on each listener container because the dead-letter
     * topic names the group: {@code <topic>.<group>.dlq}. A malformed or rejected event goes there at once;
     * anything else is retried with back-off first. The dead-letter record is published and acknowledged
     * before the offset moves on: if even that fails (the broker or the topic is away), the record is
     * delivered again later instead of being skipped and lost, as the binder's own dead-lettering would.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> careConsumerErrorHandling(
            KafkaTemplate<String, byte[]> outboxKafkaTemplate) {
        return (container, destination, group) -> {
            DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(outboxKafkaTemplate,
                    (record, exception) -> new TopicPartition(CareTopics.deadLetter(record.topic(), group), -1));
            ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(3);
            backOff.setInitialInterval(200);
            backOff.setMultiplier(3);
            backOff.setMaxInterval(5_000);
            // The reason is the root cause (a malformed payload, a rejected event), not the framework's wrappers.
            ConsumerRecordRecoverer withReason = (record, exception) -> deadLetters.accept(record, rootCause(exception));
            DefaultErrorHandler handler = new DefaultErrorHandler(withReason, backOff);
            handler.addNotRetryableExceptions(MalformedEventException.class, RejectedEventException.class);
            container.setCommonErrorHandler(handler);
        };
    }

    /** Our own verdict on the event if there is one (it says what is wrong in domain words), else the root cause. */
    private static Exception rootCause(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof RejectedEventException) {
                return (Exception) cause;
            }
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(exception);
        return root instanceof Exception rootException ? rootException : exception;
    }

    @Bean
    IdempotentConsumers idempotentConsumers(DatabaseClient db, TransactionalOperator tx, CareEventCodec codec,
            MeterRegistry meters) {
        return new IdempotentConsumers(db, tx, codec, meters, Duration.ofSeconds(30));
    }
}
