package kr.dolbom.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.CareTopics;
import kr.dolbom.platform.inbox.Subscription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The care streams on the cluster: the topics, this service's dead-letter topics, and the one producer that
 * writes what this service publishes (the outbox relay) or gives up on (dead letters).
 *
 * <p>A consumer group (by default the application's name) dead-letters {@code care.orders.v1} to
 * {@code care.orders.v1.matching-service.dlq}: the stream, then who could not process it.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicsProperties.class)
public class CareKafkaAutoConfiguration {

    /** Idempotent and acks=all whatever the configuration says, so nothing is lost or doubled. */
    @Bean
    @ConditionalOnMissingBean(name = "careKafkaTemplate")
    KafkaTemplate<String, byte[]> careKafkaTemplate(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        DefaultKafkaProducerFactory<String, byte[]> factory =
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        factory.addListener(new MicrometerProducerListener<>(meters));
        return new KafkaTemplate<>(factory);
    }

    /**
     * The care streams are kept for ever: reporting rebuilds its read models by replaying them from the start, and a
     * broker's default (7 days) would silently leave out all but the last week. As the Helm chart sets them.
     */
    static final String STREAM_RETENTION_MS = "-1";
    /** Dead letters wait 30 days for their cause to be fixed and a replay. */
    static final String DEAD_LETTER_RETENTION_MS = String.valueOf(30L * 24 * 3600 * 1000);

    /** Every service declares the streams (creation is idempotent), so whichever starts first creates them alike. */
    @Bean
    KafkaAdmin.NewTopics careTopics(
            TopicsProperties topics, BindingServiceProperties bindings, ObjectProvider<Subscription> subscriptions) {
        List<NewTopic> all = new ArrayList<>();
        CareTopics.ALL.forEach(name -> all.add(topic(name, topics, STREAM_RETENTION_MS)));
        subscriptions
                .orderedStream()
                .forEach(subscription -> all.add(topic(
                        CareTopics.deadLetter(subscription.topic(), bindings.getGroup(subscription.bindingName())),
                        topics,
                        DEAD_LETTER_RETENTION_MS)));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, TopicsProperties topics, String retentionMs) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .config(TopicConfig.RETENTION_MS_CONFIG, retentionMs)
                .build();
    }
}
