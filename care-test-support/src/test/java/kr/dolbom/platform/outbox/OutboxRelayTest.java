package kr.dolbom.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.platform.tracing.TraceParents;
import kr.dolbom.testsupport.Database;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The relay on its own, against a real PostgreSQL and a real broker: order, leadership, failure, purge. */
class OutboxRelayTest {

    private static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();
    private static final KafkaTestClient KAFKA = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers());

    private final String district = "district-" + UUID.randomUUID();
    private ConnectionFactory connections;
    private DatabaseClient db;
    private TransactionalOperator tx;
    private Outbox outbox;
    private OutboxRelay relay;

    @BeforeAll
    static void topic() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(CareTopics.ORDERS)) {
                admin.createTopics(List.of(new NewTopic(CareTopics.ORDERS, 1, (short) 1)))
                        .all()
                        .get();
            }
        }
    }

    @BeforeEach
    void database() {
        Database database = INFRASTRUCTURE.newDatabase("platform");
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/platform")
                .load()
                .migrate();
        connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(database.r2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, database.user())
                .option(ConnectionFactoryOptions.PASSWORD, database.password())
                .build());
        db = DatabaseClient.create(connections);
        tx = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        outbox = new Outbox(
                db,
                new CareEventCodec(),
                "/dolbom/test",
                Clock.fixed(Instant.now(), ZoneOffset.UTC),
                Mono::empty,
                new TraceParents(null));
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void publishesCommittedEventsInCommitOrderWithTheirCloudEventsAttributesAndMarksThemSent() {
        relay = relay(kafka(INFRASTRUCTURE.kafkaBootstrapServers()), properties(3, Duration.ofDays(7)));
        UUID order = UUID.randomUUID();
        List<OrderRejected> events =
                IntStream.range(0, 7).mapToObj(i -> rejected(order)).toList();
        events.forEach(event -> commit(event));

        // A batch is at most three events: three transactions for seven, then nothing left.
        assertThat(List.of(relay.relayBatch(), relay.relayBatch(), relay.relayBatch(), relay.relayBatch()))
                .containsExactly(3, 3, 1, 0);

        List<ConsumerRecord<String, byte[]>> published = KAFKA.recordsWithKey(CareTopics.ORDERS, order);
        assertThat(published)
                .extracting(record -> KafkaTestClient.header(record, "ce_id"))
                .containsExactlyElementsOf(eventIds());
        assertThat(KafkaTestClient.header(published.get(0), "ce_type")).isEqualTo("kr.dolbom.care.order.rejected.v1");
        assertThat(KafkaTestClient.header(published.get(0), "ce_source")).isEqualTo("/dolbom/test");
        assertThat(KafkaTestClient.header(published.get(0), "ce_subject")).isEqualTo(order.toString());
        assertThat(count("select count(*) from outbox_event where published_at is null"))
                .isZero();
    }

    @Test
    void onlyTheReplicaHoldingTheRelayLockPublishes() {
        relay = relay(kafka(INFRASTRUCTURE.kafkaBootstrapServers()), properties(10, Duration.ofDays(7)));
        commit(rejected(UUID.randomUUID()));

        Connection otherReplica = Mono.from(connections.create()).block();
        try {
            Mono.from(otherReplica.beginTransaction()).block();
            Flux.from(otherReplica
                            .createStatement("select pg_advisory_xact_lock(hashtext('dolbom.outbox.relay'))")
                            .execute())
                    .flatMap(Result::getRowsUpdated)
                    .blockLast();

            assertThat(relay.relayBatch())
                    .as("published while another replica held the lock")
                    .isZero();
        } finally {
            Mono.from(otherReplica.rollbackTransaction()).block();
            Mono.from(otherReplica.close()).block();
        }
        assertThat(relay.relayBatch()).isEqualTo(1);
    }

    @Test
    void aBatchTheBrokerDidNotAcknowledgeStaysInTheOutbox() {
        relay = relay(
                kafka("127.0.0.1:1"),
                new OutboxProperties(
                        10, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofDays(7), Duration.ZERO, true));
        commit(rejected(UUID.randomUUID()));

        assertThatThrownBy(relay::relayBatch).isInstanceOf(RuntimeException.class);

        assertThat(count("select count(*) from outbox_event where published_at is null"))
                .isEqualTo(1);
    }

    @Test
    void aRunningRelayPublishesWhatCommitsAndPurgesWhatIsPastItsRetention() {
        relay = relay(kafka(INFRASTRUCTURE.kafkaBootstrapServers()), properties(10, Duration.ZERO));
        UUID order = UUID.randomUUID();
        commit(rejected(order));

        relay.start();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> KAFKA.recordsWithKey(CareTopics.ORDERS, order).size() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox_event") == 0);
    }

    private void commit(OrderRejected event) {
        tx.transactional(Mono.defer(() -> outbox.append(event))).block();
    }

    private List<String> eventIds() {
        return db.sql("select event_id from outbox_event order by id")
                .map(row -> row.get(0, UUID.class).toString())
                .all()
                .collectList()
                .block();
    }

    private long count(String sql) {
        return db.sql(sql).map(row -> row.get(0, Long.class)).one().block();
    }

    private OrderRejected rejected(UUID order) {
        return new OrderRejected(order, district, "mangwon1", RejectionReason.NOT_IN_TARGET_GROUP, LocalDate.now());
    }

    private static OutboxProperties properties(int batchSize, Duration retention) {
        return new OutboxProperties(
                batchSize, Duration.ofMillis(50), Duration.ofSeconds(30), retention, Duration.ZERO, true);
    }

    private OutboxRelay relay(KafkaTemplate<String, byte[]> kafka, OutboxProperties properties) {
        return new OutboxRelay(db, tx, kafka, properties, new SimpleMeterRegistry());
    }

    private static KafkaTemplate<String, byte[]> kafka(String bootstrapServers) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        5_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        5_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        4_000),
                new StringSerializer(),
                new ByteArraySerializer()));
    }
}
