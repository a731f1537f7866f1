package kr.dolbom.reporting.rebuild;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.units;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.inbox.Subscription;
import kr.dolbom.reporting.CareEvents;
import kr.dolbom.reporting.ReportingIntegrationTest;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/**
 * The rebuild's rate against the raw consumer's, in the same run: a million events of a realistic mix (per care
 * order: placed with two lines, both assigned, first service, ten deliveries, ten charges, completed) over 25
 * districts and twelve months, read back by a plain consumer that only decodes them, then rebuilt. The live
 * subscriptions are stopped first, so that neither figure shares the machine with them. Opt-in:
 *
 * <pre>
 * ./mvnw -B -ntp -pl reporting-service -am verify -Dit.test=RebuildBenchIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true -Dreporting.rebuildBench=true \
 *     [-Dreporting.rebuildBench.events=1000000]
 * </pre>
 */
@EnabledIfSystemProperty(
        named = "reporting.rebuildBench",
        matches = "true",
        disabledReason = "the rebuild benchmark of 1,000,000 events runs with -Dreporting.rebuildBench=true")
class RebuildBenchIT extends ReportingIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RebuildBenchIT.class);
    /** Events per care order in the mix below. */
    private static final int PER_ORDER = 26;

    private final CareEventCodec codec = new CareEventCodec();

    @Autowired
    private ReadModelRebuild rebuilds;

    @Autowired
    private BindingsLifecycleController bindings;

    @Autowired
    private List<Subscription> subscriptions;

    @Test
    void rebuildsAtLeastFiftyThousandEventsASecond() {
        subscriptions.forEach(subscription -> bindings.stop(subscription.bindingName()));
        int events = Integer.getInteger("reporting.rebuildBench.events", 1_000_000);
        String prefix = unique("bench");
        Instant publishing = Instant.now();
        long published = publish(prefix, events / PER_ORDER);
        Duration publishTime = Duration.between(publishing, Instant.now());

        Instant reading = Instant.now();
        long raw = readAndDecodeEverything();
        Duration rawTime = Duration.between(reading, Instant.now());

        Rebuild rebuild = rebuilds.start();
        Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !rebuild.running());
        assertThat(rebuild.state()).as(String.valueOf(rebuild.failure())).isEqualTo(Rebuild.State.DONE);
        long rebuildRate = rebuild.eventsPerSecond(Instant.now());
        long rawRate = raw * 1000 / Math.max(1, rawTime.toMillis());
        String report = String.format(
                "%n  published %,d events in %.1f s (%,d/s)%n  raw consumer (read + decode, no database): %,d records in"
                        + " %.1f s = %,d events/s%n  rebuild (read, decode, apply into the shadow): %,d records = %,d"
                        + " events/s (%.0f %% of raw), outcomes %s%n",
                published,
                publishTime.toMillis() / 1000.0,
                published * 1000 / Math.max(1, publishTime.toMillis()),
                raw,
                rawTime.toMillis() / 1000.0,
                rawRate,
                rebuild.read(),
                rebuildRate,
                100.0 * rebuildRate / rawRate,
                rebuild.outcomes());
        log.info("Rebuild benchmark:{}", report);
        System.out.println("Rebuild benchmark:" + report);

        long orders = events / PER_ORDER;
        assertThat(count("select coalesce(sum(placed), 0) from order_month where district like '" + prefix + "-%'"))
                .isEqualTo(orders);
        assertThat(count("select coalesce(sum(deliveries), 0) from delivery_month where district like '" + prefix
                        + "-%'"))
                .isEqualTo(orders * 10);
        assertThat(count("select coalesce(sum(charges), 0) from charge_district_month where district like '" + prefix
                        + "-%'"))
                .isEqualTo(orders * 10);
        assertThat(rebuildRate).as("events per second").isGreaterThanOrEqualTo(50_000);
    }

    /** Care orders' lives, each on its order's partition in the order the services would announce them. */
    private long publish(String prefix, int orders) {
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        INFRASTRUCTURE.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        20,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        512 * 1024),
                new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < orders; i++) {
                String district = prefix + "-" + (i % 25);
                LocalDate requested = LocalDate.of(2026, 1 + i % 12, 1 + i % 20);
                OrderPlaced order = placed(district, "dong-" + (i % 16), requested, i % 10 == 0, 2);
                UUID resident = UUID.randomUUID();
                List<CareEvent> life = new ArrayList<>(PER_ORDER);
                life.add(order);
                life.add(assigned(order, 0, requested, false));
                life.add(assigned(order, 1, requested.plusDays(1), i % 7 == 0));
                life.add(new OrderStarted(order.careOrderId(), district, requested.plusDays(2)));
                for (int day = 0; day < 10; day++) {
                    LocalDate on = requested.plusDays(2 + day);
                    life.add(units(order.careOrderId(), ServiceType.MEAL_SUPPORT, district, resident, on, 1));
                    life.add(charged(order.careOrderId(), district, "bench-provider-" + (i % 40), on, 8_000, 0));
                }
                life.add(new OrderCompleted(order.careOrderId(), district, requested.plusDays(12)));
                for (CareEvent event : life) {
                    EventEnvelope envelope = EventEnvelope.of(event, CareEvents.producerOf(event), Instant.now());
                    ProducerRecord<String, byte[]> record =
                            new ProducerRecord<>(envelope.type().topic(), envelope.subject(), codec.encode(event));
                    CloudEventHeaders.of(envelope)
                            .forEach((name, value) ->
                                    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                    producer.send(record);
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    /** What any consumer must do at least: read every record of the four streams and decode it. */
    private long readAndDecodeEverything() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        INFRASTRUCTURE.kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        ReadModelRebuild.BATCH,
                        ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                        64 * 1024 * 1024,
                        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                        16 * 1024 * 1024),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : CareTopics.ALL) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long read = 0;
            long decoded = 0;
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    try {
                        codec.read(name -> header(record, name), record.value());
                        decoded++;
                    } catch (RuntimeException unreadable) {
                        // other tests' malformed records: read all the same
                    }
                }
            }
            log.info("raw consumer decoded {} of {} records", decoded, read);
            return read;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
