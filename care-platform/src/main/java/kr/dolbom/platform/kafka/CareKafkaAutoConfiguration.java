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

    /** Every service declares the streams (creation is idempotent), so whichever starts first creates them alike. */
    @Bean
    KafkaAdmin.NewTopics careTopics(
            TopicsProperties topics, BindingServiceProperties bindings, ObjectProvider<Subscription> subscriptions) {
        List<NewTopic> all = new ArrayList<>();
        CareTopics.ALL.forEach(name -> all.add(topic(name, topics)));
        subscriptions
                .orderedStream()
                .forEach(subscription -> all.add(topic(
                        CareTopics.deadLetter(subscription.topic(), bindings.getGroup(subscription.bindingName())),
                        topics)));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, TopicsProperties topics) {
        return TopicBuilder.name(name)
                .partitions(topics.partitions())
                .replicas(topics.replicationFactor())
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
                .build();
    }
}
