package kr.dolbom.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.platform.WokenWorker;
import kr.dolbom.platform.tracing.TraceParents;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them sent, one batch per transaction.
 *
 * <p>At least once: a crash after the broker acknowledged a batch but before the mark committed sends the
 * batch again, with the same CloudEvents ids, and the consumers' inboxes drop the copies. Only one replica
 * relays at a time (a transaction-scoped advisory lock), which keeps the order per key across replicas.
 */
public class OutboxRelay extends WokenWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final Timer batchTimer;
    private final Timer relayLag;
    private final Counter failures;

    private Instant nextGaugeRefresh = Instant.MIN;
    private Instant nextPurge = Instant.MIN;

    public OutboxRelay(
            DatabaseClient db,
            TransactionalOperator tx,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            MeterRegistry meters) {
        super("outbox-relay");
        this.db = db;
        this.tx = tx;
        this.kafka = kafka;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("dolbom.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events committed but not yet published")
                .register(meters);
        Gauge.builder("dolbom.outbox.oldest.pending", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox event")
                .baseUnit("seconds")
                .register(meters);
        this.batchTimer = Timer.builder("dolbom.outbox.relay.batch")
                .description("One relay transaction: read, publish with acks=all, mark sent")
                .register(meters);
        this.relayLag = Timer.builder("dolbom.outbox.relay.lag")
                .description("From the commit of an event to the broker's acknowledgement")
                .register(meters);
        this.failures = Counter.builder("dolbom.outbox.relay.failures").register(meters);
    }

    /**
     * Publishes the oldest pending batch, if this replica holds the relay lock.
     *
     * @return how many events were published
     */
    public int relayBatch() {
        Timer.Sample sample = Timer.start(meters);
        Integer published = tx.transactional(pendingIfLeader()
                        .collectList()
                        .filter(batch -> !batch.isEmpty())
                        .flatMap(batch -> publish(batch).then(markSent(batch)).thenReturn(batch.size())))
                .defaultIfEmpty(0)
                .block(properties.sendTimeout().plusSeconds(10));
        if (published != null && published > 0) {
            sample.stop(batchTimer);
        }
        return published == null ? 0 : published;
    }

    /** The oldest pending batch, in one round trip with the relay lock: nothing unless this replica holds it. */
    private Flux<PendingEvent> pendingIfLeader() {
        return db.sql("""
                        with leader as (select pg_try_advisory_xact_lock(hashtext('dolbom.outbox.relay')) as held)
                        select id, event_id, topic, message_key, event_type, source, occurred_at, payload::text as payload,
                               traceparent
                        from outbox_event, leader
                        where leader.held and published_at is null order by id limit :limit""")
                .bind("limit", properties.batchSize())
                .map(PendingEvent::from)
                .all();
    }

    private Mono<Void> publish(List<PendingEvent> batch) {
        CompletableFuture<?>[] acks = batch.stream()
                .map(event -> kafka.send(event.toRecord()).thenRun(() -> {
                    meters.counter("dolbom.outbox.published", "topic", event.topic())
                            .increment();
                    relayLag.record(Duration.between(event.occurredAt(), Instant.now()));
                }))
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(acks))
                .timeout(properties.sendTimeout())
                .then();
    }

    private Mono<Long> markSent(List<PendingEvent> batch) {
        Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
        return db.sql("update outbox_event set published_at = now() where id = any(:ids)")
                .bind("ids", ids)
                .fetch()
                .rowsUpdated();
    }

    @Override
    protected boolean workOnce() {
        int published = relayBatch();
        housekeeping();
        return published >= properties.batchSize();
    }

    @Override
    protected Duration pollInterval() {
        return properties.pollInterval();
    }

    @Override
    protected Duration linger() {
        return properties.linger();
    }

    @Override
    protected Duration stopTimeout() {
        return properties.sendTimeout().plusSeconds(10);
    }

    @Override
    protected boolean enabled() {
        return properties.enabled();
    }

    @Override
    protected void failed(RuntimeException failure) {
        failures.increment();
    }

    private void housekeeping() {
        Instant now = Instant.now();
        if (now.isAfter(nextGaugeRefresh)) {
            nextGaugeRefresh = now.plus(GAUGE_REFRESH);
            db.sql(
                            "select count(*) as pending, min(occurred_at) as oldest from outbox_event where published_at is null")
                    .map(row -> {
                        backlog.set(row.get("pending", Long.class));
                        Instant oldest = row.get("oldest", Instant.class);
                        oldestPendingSeconds.set(
                                oldest == null
                                        ? 0
                                        : Duration.between(oldest, now).toSeconds());
                        return true;
                    })
                    .one()
                    .block(Duration.ofSeconds(10));
        }
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(PURGE_EVERY);
            Long purged = db.sql("delete from outbox_event where published_at < :before")
                    .bind("before", now.minus(properties.retention()))
                    .fetch()
                    .rowsUpdated()
                    .block(Duration.ofSeconds(60));
            if (purged != null && purged > 0) {
                log.info("Purged {} outbox events published before {}", purged, now.minus(properties.retention()));
            }
        }
    }

    /** Stops after the web server (phase DEFAULT - 2048) and the consumers, so their last commits get published. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record PendingEvent(
            long id,
            UUID eventId,
            String topic,
            String key,
            String type,
            String source,
            Instant occurredAt,
            byte[] payload,
            @Nullable String traceparent) {

        static PendingEvent from(Readable row) {
            return new PendingEvent(
                    row.get("id", Long.class),
                    row.get("event_id", UUID.class),
                    row.get("topic", String.class),
                    row.get("message_key", String.class),
                    row.get("event_type", String.class),
                    row.get("source", String.class),
                    row.get("occurred_at", Instant.class),
                    row.get("payload", String.class).getBytes(StandardCharsets.UTF_8),
                    row.get("traceparent", String.class));
        }

        ProducerRecord<String, byte[]> toRecord() {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
            CloudEventHeaders.of(eventId, type, source, occurredAt, key)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            if (traceparent != null) {
                record.headers().add(TraceParents.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
            }
            return record;
        }
    }
}
