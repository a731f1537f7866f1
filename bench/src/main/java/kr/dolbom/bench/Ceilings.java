package kr.dolbom.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What this machine can do at all, measured on the same database server and broker the system uses, in
 * the same run: the yardsticks the system's throughput is divided by.
 */
final class Ceilings {

    static final int POSTGRES_CLIENTS = 4;

    record Result(
            double postgresCommitsPerSecond,
            double kafkaProducedPerSecond,
            double kafkaConsumedPerSecond,
            int recordBytes) {}

    private Ceilings() {}

    static Result measure(Stack stack, BenchOptions options) throws Exception {
        byte[] record = sampleEvent();
        double commits = postgresInsertCommits(
                stack.postgresAdminUrl(), Duration.ofSeconds(options.ceilingSeconds()), record.length);
        double[] kafka = kafkaProduceAndConsume(stack.kafka(), options.kafkaCeilingRecords(), record);
        return new Result(commits, kafka[0], kafka[1], record.length);
    }

    /** A care order of two lines, as intake announces it: the size of a typical record on the streams. */
    static byte[] sampleEvent() {
        LocalDate day = LocalDate.of(2026, 11, 2);
        return new CareEventCodec()
                .encode(new OrderPlaced(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "mapo",
                        "mangwon1",
                        IncomeTier.BASIC_LIVELIHOOD,
                        false,
                        RequestChannel.DONG_CENTRE,
                        day,
                        List.of(
                                new OrderPlaced.Line(
                                        UUID.randomUUID(),
                                        ServiceType.TEMPORARY_HOME_CARE,
                                        1,
                                        150,
                                        day,
                                        day.plusDays(29)),
                                new OrderPlaced.Line(
                                        UUID.randomUUID(),
                                        ServiceType.MEAL_SUPPORT,
                                        10,
                                        null,
                                        day,
                                        day.plusDays(29)))));
    }

    /** Single-row INSERT, each its own committed transaction, from a few clients at once, for a fixed time. */
    private static double postgresInsertCommits(String adminUrl, Duration duration, int rowBytes) throws Exception {
        Properties admin = new Properties();
        admin.setProperty("user", "postgres");
        admin.setProperty("password", Stack.POSTGRES_PASSWORD);
        try (Connection connection = DriverManager.getConnection(adminUrl, admin);
                Statement sql = connection.createStatement()) {
            if (!connection
                    .createStatement()
                    .executeQuery("select 1 from pg_database where datname = 'bench_ceiling'")
                    .next()) {
                sql.execute("create database bench_ceiling");
            }
        }
        String url = adminUrl.replace("/postgres", "/bench_ceiling");
        try (Connection connection = DriverManager.getConnection(url, admin);
                Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists ceiling");
            sql.execute(
                    "create table ceiling (id bigint generated always as identity primary key, payload text not null)");
        }
        String payload = "x".repeat(rowBytes);
        AtomicLong commits = new AtomicLong();
        CountDownLatch done = new CountDownLatch(POSTGRES_CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < POSTGRES_CLIENTS; i++) {
            Thread client = new Thread(
                    () -> {
                        try (Connection connection = DriverManager.getConnection(url, admin);
                                PreparedStatement insert =
                                        connection.prepareStatement("insert into ceiling (payload) values (?)")) {
                            connection.setAutoCommit(true);
                            insert.setString(1, payload);
                            while (System.nanoTime() < end) {
                                insert.executeUpdate();
                                commits.incrementAndGet();
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        } finally {
                            done.countDown();
                        }
                    },
                    "postgres-ceiling-" + i);
            client.start();
            clients.add(client);
        }
        long started = System.nanoTime();
        done.await();
        return commits.get() / ((System.nanoTime() - started) / 1e9);
    }

    /**
     * Records of the events' size through an idempotent {@code acks=all} producer (the outbox relay's settings),
     * then read back by one plain consumer: the broker's rate in each direction.
     */
    private static double[] kafkaProduceAndConsume(String bootstrap, int count, byte[] value) throws Exception {
        String topic = "bench.ceiling." + Instant.now().toEpochMilli();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        double produced;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            produced = count / ((System.nanoTime() - started) / 1e9);
        }
        double consumed;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-ceiling-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long read = 0;
            long bytes = 0;
            long started = System.nanoTime();
            while (read < count) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += record.value().length;
                }
            }
            consumed = read / ((System.nanoTime() - started) / 1e9);
            if (bytes != (long) count * value.length) {
                throw new IllegalStateException(
                        "the ceiling topic gave back " + bytes + " bytes, not " + (long) count * value.length);
            }
        }
        return new double[] {produced, consumed};
    }
}
