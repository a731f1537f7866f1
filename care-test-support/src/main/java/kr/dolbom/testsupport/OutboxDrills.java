package kr.dolbom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import kr.dolbom.platform.outbox.OutboxRelay;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The two crashes a transactional outbox must survive, played against a running service. Each drill takes
 * the service's relay, its database, and an action that commits a state change with one event and returns
 * the event's key (the care order).
 */
public final class OutboxDrills {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final OutboxRelay relay;
    private final DatabaseClient db;
    private final KafkaTestClient kafka;

    public OutboxDrills(OutboxRelay relay, DatabaseClient db, KafkaTestClient kafka) {
        this.relay = relay;
        this.db = db;
        this.kafka = kafka;
    }

    /**
     * The process dies after the commit and before the publication: the event waits in the outbox, and the
     * relay of the restarted process publishes it, once.
     */
    public void crashBetweenCommitAndPublish(String topic, Supplier<Object> commit) throws InterruptedException {
        relay.stop();
        Object key;
        try {
            key = commit.get();
            Thread.sleep(500);
            assertThat(pending(topic, key))
                    .as("the event committed with its state change and waits in the outbox")
                    .isEqualTo(1);
            assertThat(kafka.recordsWithKey(topic, key))
                    .as("nothing was published while the relay was down")
                    .isEmpty();
        } finally {
            relay.start();
        }
        Awaitility.await().atMost(PATIENCE).until(() -> published(topic, key) == 1);
        Thread.sleep(500);
        assertThat(kafka.recordsWithKey(topic, key))
                .as("published exactly once")
                .hasSize(1);
    }

    /**
     * The broker acknowledged, then the process died before the mark committed: the event goes out again
     * with the same CloudEvents id, which is what the consumers' inboxes deduplicate on.
     */
    public void crashBeforeTheMarkCommits(String topic, Supplier<Object> commit) {
        Object key = commit.get();
        Awaitility.await().atMost(PATIENCE).until(() -> published(topic, key) == 1);
        relay.stop();
        try {
            db.sql("update outbox_event set published_at = null where topic = :topic and message_key = :key")
                    .bind("topic", topic)
                    .bind("key", key.toString())
                    .then()
                    .block();
        } finally {
            relay.start();
        }
        List<ConsumerRecord<String, byte[]>> copies = Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> kafka.recordsWithKey(topic, key), records -> records.size() == 2);
        assertThat(copies)
                .extracting(record -> KafkaTestClient.header(record, "ce_id"))
                .containsOnly(KafkaTestClient.header(copies.get(0), "ce_id"));
    }

    private long pending(String topic, Object key) {
        return count(
                "select count(*) from outbox_event where topic = :topic and message_key = :key and published_at is null",
                topic,
                key);
    }

    private long published(String topic, Object key) {
        return count(
                "select count(*) from outbox_event where topic = :topic and message_key = :key and published_at is not null",
                topic,
                key);
    }

    private long count(String sql, String topic, Object key) {
        return db.sql(sql)
                .bind("topic", topic)
                .bind("key", key.toString())
                .map(row -> row.get(0, Long.class))
                .one()
                .block();
    }
}
