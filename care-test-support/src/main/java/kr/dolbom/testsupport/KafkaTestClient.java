package kr.dolbom.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareEventType;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.events.EventEnvelope;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Writes records the way another service would, and reads topics from the start, outside any consumer group. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;
    private final CareEventCodec codec = new CareEventCodec();

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Publishes an event as its producing service's relay would: CloudEvents headers, keyed by care order. */
    public void publish(EventEnvelope envelope) {
        send(
                envelope.type().topic(),
                envelope.subject(),
                codec.encode(envelope.data()),
                CloudEventHeaders.of(envelope));
    }

    /** The same, as part of the trace {@code traceparent} names (W3C Trace Context). */
    public void publish(EventEnvelope envelope, String traceparent) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(envelope));
        headers.put("traceparent", traceparent);
        send(envelope.type().topic(), envelope.subject(), codec.encode(envelope.data()), headers);
    }

    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Every record now on the topic that matches, read from the beginning up to the current end. */
    public List<ConsumerRecord<String, byte[]>> records(
            String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-reader-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        matching.add(record);
                    }
                });
            }
            return matching;
        }
    }

    /**
     * A record as a faulty producer would write it: {@code payload} as it stands, under the headers of a real event
     * of {@code type} from the stream's owner, so that only the payload is wrong.
     */
    public void sendRaw(String topic, String key, String type, String payload) {
        send(
                topic,
                key,
                payload.getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.of(UUID.randomUUID(), type, CareTopics.owner(topic), Instant.now(), key));
    }

    /** Every topic on the broker but Kafka's own. */
    public Set<String> topics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the broker's topics", e);
        }
    }

    public List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, Object key) {
        return records(topic, record -> key.toString().equals(record.key()));
    }

    /** The events of one type on the topic under the key, decoded as a consumer would. */
    public <E extends CareEvent> List<E> events(String topic, Object key, Class<E> type) {
        return recordsWithKey(topic, key).stream()
                .filter(record -> CareEventType.ofCloudEventType(header(record, CloudEventHeaders.TYPE))
                        .map(eventType -> eventType.javaType() == type)
                        .orElse(false))
                .map(record -> type.cast(codec.decode(CareEventType.of(type), record.value())))
                .toList();
    }

    /**
     * Waits until the service whose consumer group is {@code group} has handled every record published so
     * far under {@code key}: it sends an unreadable sentinel with the same key, which lands on the same
     * partition behind them, and waits for it on the group's dead-letter topic.
     */
    public void awaitHandled(String topic, String group, Object key) {
        String sentinel = "sentinel-" + UUID.randomUUID();
        send(
                topic,
                key.toString(),
                sentinel.getBytes(StandardCharsets.UTF_8),
                Map.of(
                        CloudEventHeaders.ID,
                        UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE,
                        "kr.dolbom.test.sentinel.v1",
                        CloudEventHeaders.SOURCE,
                        "/dolbom/test",
                        CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.SPEC_VERSION_1_0,
                        CloudEventHeaders.TIME,
                        java.time.Instant.now().toString()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !records(
                                CareTopics.deadLetter(topic, group),
                                record -> sentinel.equals(new String(record.value(), StandardCharsets.UTF_8)))
                        .isEmpty());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
