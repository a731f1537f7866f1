package kr.dolbom.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Hostile and repeated traffic on the care streams, written straight to the broker as a broken or
 * impostor producer would: records no consumer can read, contracts broken on purpose, events on the wrong
 * stream or from the wrong source, and real records published again. Injected records are keyed
 * {@code drill-poison-…} so that the dead-letter topics can be told apart: those, and nothing else, belong there.
 */
final class EventDrills {

    static final String POISON_KEY = "drill-poison-";

    /**
     * Who consumes each stream, hence who dead-letters a bad record on it: the services' *Subscription classes, as
     * the chart's topology (deploy/helm/dolbom/templates/_topology.tpl) also lists them.
     */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            // billing follows the orders' holds and ends (its OrderSubscription)
            CareTopics.ORDERS, List.of("matching-service", "billing-service", "reporting-service"),
            CareTopics.ASSIGNMENTS, List.of("intake-service", "reporting-service"),
            // intake hears each order's first delivery (in progress)
            CareTopics.DELIVERIES, List.of("intake-service", "billing-service", "reporting-service"),
            CareTopics.CHARGES, List.of("reporting-service"));

    private static final Map<String, String> TYPES = Map.of(
            CareTopics.ORDERS, "kr.dolbom.care.order.placed.v1",
            CareTopics.ASSIGNMENTS, "kr.dolbom.care.line.assigned.v1",
            CareTopics.DELIVERIES, "kr.dolbom.care.service.delivered.v1",
            CareTopics.CHARGES, "kr.dolbom.care.delivery.charged.v1");

    private final String bootstrap;

    EventDrills(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** One injected record: where it went, what it was, and its payload and headers. */
    record Injected(String topic, String kind, String key, byte[] value, Map<String, String> headers) {}

    /** The bad records of every kind for every stream; each is to end up dead-lettered by each consumer. */
    List<Injected> hostileRecords(LocalDate day) {
        List<Injected> all = new ArrayList<>();
        for (String topic : CareTopics.ALL) {
            String type = TYPES.get(topic);
            String owner = CareTopics.owner(topic);
            all.add(record(topic, "unparseable", "{\"careOrderId\": \"not even json".getBytes(), headers(type, owner)));
            all.add(record(topic, "no-headers", new byte[] {0, 1, 2, (byte) 0xff}, Map.of()));
            all.add(record(topic, "absurd", absurd(topic, day).getBytes(StandardCharsets.UTF_8), headers(type, owner)));
            String elsewhere = topic.equals(CareTopics.CHARGES) ? CareTopics.ORDERS : CareTopics.CHARGES;
            all.add(record(
                    topic,
                    "wrong-topic",
                    valid(elsewhere, day).getBytes(StandardCharsets.UTF_8),
                    headers(TYPES.get(elsewhere), CareTopics.owner(elsewhere))));
            all.add(record(
                    topic,
                    "wrong-source",
                    valid(topic, day).getBytes(StandardCharsets.UTF_8),
                    headers(type, "/dolbom/impostor")));
        }
        return all;
    }

    void publish(List<Injected> records) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (Injected injected : records) {
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(injected.topic(), injected.key(), injected.value());
                injected.headers()
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** How many dead letters the injected records must make: one per record and consumer of its stream. */
    static long expectedDeadLetters(List<Injected> injected) {
        return injected.stream()
                .mapToLong(record -> CONSUMERS.get(record.topic()).size())
                .sum();
    }

    /**
     * Every record the services published on the care streams so far, sent again {@code times} times with the
     * same key, value and ce_* headers, as a producer retrying after a lost acknowledgement would.
     */
    long redeliverEverything(int times) throws Exception {
        List<ConsumerRecord<String, byte[]>> real = new ArrayList<>();
        for (String topic : CareTopics.ALL) {
            for (ConsumerRecord<String, byte[]> record : readAll(topic)) {
                String key = record.key();
                Header source = record.headers().lastHeader(CloudEventHeaders.SOURCE);
                if (key != null
                        && !key.startsWith(POISON_KEY)
                        && source != null
                        && CareTopics.owner(topic).equals(new String(source.value(), StandardCharsets.UTF_8))) {
                    real.add(record);
                }
            }
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < times; i++) {
                for (ConsumerRecord<String, byte[]> record : real) {
                    producer.send(
                            new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
                }
            }
            producer.flush();
        }
        return (long) real.size() * times;
    }

    /** One dead letter: its key and the reason the consumer gave ({@code kafka_dlt-exception-message}). */
    record DeadLetter(String key, String reason) {}

    /** Every record on every dead-letter topic, by topic. */
    Map<String, List<DeadLetter>> deadLetters() throws Exception {
        Map<String, List<DeadLetter>> letters = new HashMap<>();
        try (Admin admin = admin()) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(".dlq")) {
                    letters.put(
                            topic,
                            readAll(topic).stream()
                                    .map(record -> {
                                        Header reason = record.headers().lastHeader("kafka_dlt-exception-message");
                                        return new DeadLetter(
                                                String.valueOf(record.key()),
                                                reason == null
                                                        ? "no reason given"
                                                        : LocalPostgres.firstLine(
                                                                new String(reason.value(), StandardCharsets.UTF_8)));
                                    })
                                    .toList());
                }
            }
        }
        return letters;
    }

    /** Records not yet consumed by the services' groups on the care streams: zero when all is processed. */
    long lag() throws Exception {
        long lag = 0;
        try (Admin admin = admin()) {
            for (var entry : CONSUMERS.entrySet()) {
                Map<TopicPartition, Long> ends = ends(admin, entry.getKey());
                for (String group : entry.getValue()) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS);
                    for (var end : ends.entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        lag += end.getValue() - (at == null ? 0 : at.offset());
                    }
                }
            }
        }
        return lag;
    }

    /** A service's consumer group as the broker sees it: stable or rebalancing, its members and what they hold. */
    record Group(boolean stable, int members, Set<TopicPartition> held) {

        /** Stable with {@code instances} times the consumers one instance has, holding every partition again. */
        boolean balancedAt(Group alone, int instances) {
            return stable && members == instances * alone.members() && held.containsAll(alone.held());
        }
    }

    /** The services' consumer groups, by group id. */
    Map<String, Group> groups() throws Exception {
        Set<String> ids = new HashSet<>();
        CONSUMERS.values().forEach(ids::addAll);
        Map<String, Group> groups = new LinkedHashMap<>();
        try (Admin admin = admin()) {
            Map<String, ConsumerGroupDescription> described =
                    admin.describeConsumerGroups(ids).all().get(10, TimeUnit.SECONDS);
            described.forEach((id, group) -> {
                Set<TopicPartition> held = new HashSet<>();
                for (MemberDescription member : group.members()) {
                    held.addAll(member.assignment().topicPartitions());
                }
                groups.put(
                        id,
                        new Group(
                                group.groupState() == GroupState.STABLE,
                                group.members().size(),
                                held));
            });
        }
        return groups;
    }

    /**
     * Waits until every group is {@linkplain Group#balancedAt balanced} at {@code instances} per service, and
     * returns how long each took from now: after a kill, the time the dead instance's partitions went unread.
     */
    Map<String, Duration> awaitBalanced(Map<String, Group> alone, int instances, Duration atMost) {
        long start = System.nanoTime();
        Map<String, Duration> took = new LinkedHashMap<>();
        Awaitility.await("every group balanced at " + instances + " instance(s) per service")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions() // the broker busy with the rebalance: ask again
                .until(() -> {
                    Map<String, Group> now = groups();
                    Duration at = Duration.ofNanos(System.nanoTime() - start);
                    alone.forEach((id, group) -> {
                        if (!took.containsKey(id) && now.get(id).balancedAt(group, instances)) {
                            took.put(id, at);
                        }
                    });
                    return took.size() == alone.size();
                });
        return took;
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) throws Exception {
        Map<TopicPartition, Long> ends;
        try (Admin admin = admin()) {
            ends = ends(admin, topic);
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<TopicPartition, Long> ends(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(10, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .forEach(
                        partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static Injected record(String topic, String kind, byte[] value, Map<String, String> headers) {
        return new Injected(topic, kind, POISON_KEY + topic + "-" + kind, value, headers);
    }

    private static Map<String, String> headers(String type, String source) {
        return CloudEventHeaders.of(
                UUID.randomUUID(),
                type,
                source,
                Instant.now(),
                UUID.randomUUID().toString());
    }

    /** A contract of the stream, well formed, for a care order nobody placed. */
    private static String valid(String topic, LocalDate day) {
        return switch (topic) {
            case CareTopics.ORDERS -> order(day, 10);
            case CareTopics.ASSIGNMENTS -> assignment(day, "\"mapo-public-homecare\"");
            case CareTopics.DELIVERIES -> delivery(day, 10);
            default -> charge(day, 38_340, 38_340, 0);
        };
    }

    /** Valid JSON that breaks the contract's bounds: a million meals, a negative public share, no provider. */
    private static String absurd(String topic, LocalDate day) {
        return switch (topic) {
            case CareTopics.ORDERS -> order(day, 1_000_000);
            case CareTopics.ASSIGNMENTS -> assignment(day, "null");
            case CareTopics.DELIVERIES -> delivery(day, 1_000_000);
            default -> charge(day, 38_340, -5_000, 43_340);
        };
    }

    private static String order(LocalDate day, int meals) {
        return """
                {"careOrderId":"%s","residentRef":"%s","district":"mapo","dong":"mangwon1",
                 "incomeTier":"BASIC_LIVELIHOOD","urgent":false,"channel":"DONG_CENTRE","requestedOn":"%s",
                 "lines":[{"lineId":"%s","serviceType":"MEAL_SUPPORT","quantity":%d,"plannedMinutes":null,
                 "startsOn":"%s","endsOn":"%s"}]}
                """.formatted(
                        UUID.randomUUID(), UUID.randomUUID(), day, UUID.randomUUID(), meals, day, day.plusDays(20));
    }

    private static String assignment(LocalDate day, String provider) {
        return """
                {"careOrderId":"%s","lineId":"%s","serviceType":"MEAL_SUPPORT","providerId":%s,"lastResort":true,
                 "district":"mapo","dong":"mangwon1","assignedOn":"%s"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), provider, day);
    }

    private static String delivery(LocalDate day, int units) {
        return """
                {"deliveryId":"%s","careOrderId":"%s","lineId":"%s","serviceType":"MEAL_SUPPORT",
                 "providerId":"mapo-public-homecare","residentRef":"%s","district":"mapo",
                 "incomeTier":"BASIC_LIVELIHOOD","serviceDate":"%s","units":%d}
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), day, units);
    }

    private static String charge(LocalDate day, long amount, long publicShare, long coPayment) {
        return """
                {"chargeId":"%s","deliveryId":"%s","careOrderId":"%s","lineId":"%s",
                 "serviceType":"TEMPORARY_HOME_CARE","providerId":"mapo-public-homecare","district":"mapo",
                 "serviceDate":"%s","amount":%d,"publicShare":%d,"coPayment":%d,"tariffId":"care-sos-2021-home-care"}
                """.formatted(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        day,
                        amount,
                        publicShare,
                        coPayment);
    }
}
