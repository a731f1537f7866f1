package kr.dolbom.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.kafka.CareKafkaAutoConfiguration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The consumers: idempotent inboxes, subscriptions bound by their declaration, retries and dead letters. */
@AutoConfiguration(after = {PlatformAutoConfiguration.class, CareKafkaAutoConfiguration.class})
public class InboxAutoConfiguration {

    @Bean
    static SubscriptionBindings subscriptionBindings() {
        return new SubscriptionBindings();
    }

    @Bean
    static SmartInitializingSingleton subscriptionDestinations(ConfigurableListableBeanFactory beanFactory) {
        return SubscriptionBindings.destinations(beanFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumers idempotentConsumers(
            DatabaseClient db,
            TransactionalOperator tx,
            CareEventCodec codec,
            MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        return new IdempotentConsumers(
                db,
                tx,
                codec,
                meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP),
                Duration.ofSeconds(30));
    }

    /**
     * Retries and dead-lettering of every consumer, set on each listener container because the dead-letter
     * topic names the group: {@code <topic>.<group>.dlq}. A malformed event, or one the domain's rules refuse,
     * goes there at once; an outage of the infrastructure is waited out without limit and never dead-lettered
     * ({@link ConsumerBackOff}); anything else is retried a few times first. The dead-letter record is published
     * and acknowledged before the offset moves on: if even that fails (the broker or the topic is away), the
     * record is delivered again later instead of being skipped and lost, as the binder's own dead-lettering
     * would.
     */
    @Bean
    @ConditionalOnMissingBean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> careConsumerErrorHandling(
            @Qualifier("careKafkaTemplate") KafkaTemplate<String, byte[]> careKafkaTemplate) {
        return (container, destination, group) -> {
            DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                    careKafkaTemplate,
                    (record, exception) -> new TopicPartition(CareTopics.deadLetter(record.topic(), group), -1));
            // The reason is our own verdict (a malformed payload, a rule said no), not the framework's wrappers.
            ConsumerRecordRecoverer withReason =
                    (record, exception) -> deadLetters.accept(record, rootCause(exception));
            DefaultErrorHandler handler = new DefaultErrorHandler(withReason, ConsumerBackOff.bounded());
            handler.setBackOffFunction((record, exception) -> ConsumerBackOff.of(group, record, exception));
            // An outage that turns into a refusal once the database is back is dead-lettered then, not waited on.
            handler.setResetStateOnExceptionChange(true);
            handler.addNotRetryableExceptions(MalformedEventException.class, RuleViolation.class);
            // ConsumerBackOff logs each wait; the handler's own line per attempt carries a full stack trace.
            handler.setLogLevel(KafkaException.Level.DEBUG);
            container.setCommonErrorHandler(handler);
        };
    }

    /** {@code /actuator/deadletters}: list and replay this service's dead-letter topics. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterEndpoint deadLetterEndpoint(
            ObjectProvider<Subscription> subscriptions,
            ObjectProvider<BindingServiceProperties> bindings,
            KafkaProperties kafka,
            @Qualifier("careKafkaTemplate") KafkaTemplate<String, byte[]> careKafkaTemplate) {
        return new DeadLetterEndpoint(
                () -> DeadLetterEndpoint.deadLetterTopics(
                        subscriptions.orderedStream().toList(),
                        subscription -> bindings.getObject().getGroup(subscription.bindingName())),
                kafka.buildConsumerProperties(),
                careKafkaTemplate);
    }

    private static Exception rootCause(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException || cause instanceof RuleViolation) {
                return (Exception) cause;
            }
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(exception);
        return root instanceof Exception rootException ? rootException : exception;
    }
}
