package kr.dolbom.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.dolbom.events.CareTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The operator's way back from a dead letter, once its cause is fixed (the order arrived, a tariff was added):
 * {@code GET /actuator/deadletters} lists this service's dead-letter topics with the records not yet replayed,
 * {@code POST /actuator/deadletters/{topic}} puts them back on the stream they came from, as they were (key,
 * value, CloudEvents headers).
 *
 * <p>Replaying is idempotent twice over. The progress is the offsets of the consumer group
 * {@code <group>.replay}, committed after each send the broker has acknowledged: a second replay starts where
 * the first stopped and sends nothing twice; a replay cut short sends at most its last record again. And a
 * record sent twice all the same, or one whose event was applied meanwhile, keeps its {@code ce_id}, so the
 * inbox drops it as already applied. A record that fails again is dead-lettered again, behind the end this
 * replay stopped at: it waits for the next replay instead of circling.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterEndpoint.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(5);

    /** The dead-letter topic of each stream this service consumes, and the group that consumes it. */
    private final Supplier<Map<String, String>> groupsByDeadLetterTopic;

    private final Map<String, Object> consumerConfig;
    private final KafkaTemplate<String, byte[]> template;
    private final ReentrantLock replaying = new ReentrantLock();

    public DeadLetterEndpoint(
            Supplier<Map<String, String>> groupsByDeadLetterTopic,
            Map<String, Object> consumerConfig,
            KafkaTemplate<String, byte[]> template) {
        this.groupsByDeadLetterTopic = groupsByDeadLetterTopic;
        this.consumerConfig = consumerConfig;
        this.template = template;
    }

    /** What one dead-letter topic holds: every record ever, and those not replayed yet. */
    public record DeadLetters(String topic, String replayGroup, long records, long pending) {}

    /** What a replay did: how many records it put back, and on which topics. */
    public record Replay(String topic, long replayed, Map<String, Long> to) {}

    @ReadOperation
    public List<DeadLetters> deadLetters() {
        List<DeadLetters> all = new ArrayList<>();
        groupsByDeadLetterTopic.get().forEach((topic, group) -> {
            try (KafkaConsumer<String, byte[]> consumer = consumer(replayGroup(group))) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions));
                long records = 0;
                long pending = 0;
                for (TopicPartition partition : partitions) {
                    records += end.get(partition) - start.get(partition);
                    pending += end.get(partition) - from(partition, start, replayed);
                }
                all.add(new DeadLetters(topic, replayGroup(group), records, pending));
            }
        });
        return all;
    }

    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String topic) {
        String group = groupsByDeadLetterTopic.get().get(topic);
        if (group == null) {
            return new WebEndpointResponse<>(
                    Map.of(
                            "detail",
                            topic + " is not a dead-letter topic of this service",
                            "known",
                            Set.copyOf(groupsByDeadLetterTopic.get().keySet())),
                    WebEndpointResponse.STATUS_NOT_FOUND);
        }
        if (!replaying.tryLock()) {
            return new WebEndpointResponse<>(Map.of("detail", "a replay is already running on this instance"), 409);
        }
        try {
            return new WebEndpointResponse<>(replay(topic, group), WebEndpointResponse.STATUS_OK);
        } finally {
            replaying.unlock();
        }
    }

    private Replay replay(String topic, String group) {
        Map<String, Long> to = new LinkedHashMap<>();
        long replayed = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(replayGroup(group))) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            // The end as of now: what this replay dead-letters again lands behind it, for the next replay.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            partitions.forEach(partition -> consumer.seek(partition, from(partition, start, committed)));
            long deadline = System.nanoTime() + REPLAY_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("replay of " + topic + " did not finish in " + REPLAY_TIMEOUT + "; "
                            + replayed + " records were replayed, run it again to go on");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    String original = originalTopic(record, group);
                    send(original, record);
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    to.merge(original, 1L, Long::sum);
                    replayed++;
                }
            }
        }
        log.info("replayed {} records of {} to {}", replayed, topic, to);
        return new Replay(topic, replayed, to);
    }

    private void send(String topic, ConsumerRecord<String, byte[]> record) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, record.key(), record.value());
        for (Header header : record.headers()) {
            // The dead-lettering's own headers describe the failure, not the event.
            if (!header.key().startsWith("kafka_dlt-")) {
                copy.headers().add(header);
            }
        }
        copy.headers()
                .add(
                        "dolbom_replayed_from",
                        (record.topic() + "-" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
        try {
            template.send(copy).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot replay " + record.topic() + "-" + record.partition() + "@" + record.offset() + " to "
                            + topic + "; nothing after it was replayed",
                    e);
        }
    }

    /** Where the record came from, as the dead-lettering wrote it down; else the stream the topic is named after. */
    private static String originalTopic(ConsumerRecord<?, ?> record, String group) {
        Header header = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        String suffix = "." + group + ".dlq";
        if (record.topic().endsWith(suffix)) {
            return record.topic().substring(0, record.topic().length() - suffix.length());
        }
        throw new IllegalStateException(
                record.topic() + "-" + record.partition() + "@" + record.offset() + " does not say where it came from");
    }

    private static long from(
            TopicPartition partition, Map<TopicPartition, Long> start, Map<TopicPartition, OffsetAndMetadata> done) {
        OffsetAndMetadata committed = done.get(partition);
        // Retention may have deleted records the replay never reached; they are gone either way.
        return committed == null ? start.get(partition) : Math.max(committed.offset(), start.get(partition));
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    static String replayGroup(String group) {
        return group + ".replay";
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, String> deadLetterTopics(
            List<Subscription> subscriptions, Function<Subscription, String> groupOf) {
        Map<String, String> topics = new LinkedHashMap<>();
        subscriptions.forEach(subscription -> topics.put(
                CareTopics.deadLetter(subscription.topic(), groupOf.apply(subscription)), groupOf.apply(subscription)));
        return topics;
    }
}
