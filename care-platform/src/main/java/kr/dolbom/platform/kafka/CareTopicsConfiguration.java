package kr.dolbom.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.CareTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the care streams and this service's dead-letter topics with explicit settings. A consumer
 * group (by default the application's name) dead-letters {@code care.orders.v1} to
 * {@code care.orders.v1.matching-service.dlq}: the stream, then who could not process it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicsProperties.class)
public class CareTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics careTopics(TopicsProperties topics, BindingServiceProperties bindings) {
        List<NewTopic> all = new ArrayList<>();
        CareTopics.ALL.forEach(name -> all.add(topic(name, topics)));
        bindings.getBindings().forEach((name, binding) -> {
            if (name.contains("-in-") && binding.getDestination() != null) {
                all.add(topic(CareTopics.deadLetter(binding.getDestination(), bindings.getGroup(name)), topics));
            }
        });
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
