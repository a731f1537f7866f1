package kr.dolbom.reporting.rebuild;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.inbox.Subscription;
import kr.dolbom.reporting.ReadModelChanges;
import kr.dolbom.reporting.charge.ChargeKpiStore;
import kr.dolbom.reporting.delivery.DeliveryKpiStore;
import kr.dolbom.reporting.order.OrderKpiStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds the read models from the care streams, exactly, while the API keeps answering from the old ones:
 *
 * <ol>
 *   <li>an empty shadow schema with the live tables' shape, and where each partition of the streams reporting
 *       subscribes to ends now (the target);
 *   <li>every record from the beginning up to the target, read outside any consumer group (nothing is committed,
 *       so nothing is left behind) and applied to the shadow by the same stores and the same inbox rows as the
 *       live subscriptions, thousands of events per transaction;
 *   <li>the swap: the shadow renamed into the live schema in one transaction;
 *   <li>the catch-up: what came on the streams between the target and the swap, applied to the new live schema.
 *       The live consumers went on meanwhile into the old schema, which is gone with the swap; every record they
 *       applied there was on the stream before the swap, so this second pass brings all of it, and the inbox rows
 *       make it idempotent against the live consumers applying the same records to the new schema.
 * </ol>
 *
 * One rebuild at a time in this instance; a second is a conflict naming the one that runs.
 */
@Service
public class ReadModelRebuild {

    /** Events per transaction: enough for set-wise statements to pay, few enough for a short transaction. */
    static final int BATCH = 10_000;

    /** How often a running rebuild records how far it has come, for an operator asking another instance. */
    static final Duration RECORD_EVERY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Map<String, Set<Class<? extends CareEvent>>> counted = new HashMap<>();
    private final OrderKpiStore orders;
    private final DeliveryKpiStore deliveries;
    private final ChargeKpiStore charges;
    private final RebuildStore schemas;
    private final TransactionalOperator tx;
    private final CareEventCodec codec;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final ReadModelChanges changes;
    private final RebuildProgress progress;
    private final Map<UUID, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final AtomicReference<@Nullable Rebuild> latest = new AtomicReference<>();

    ReadModelRebuild(
            List<Subscription> subscriptions,
            OrderKpiStore orders,
            DeliveryKpiStore deliveries,
            ChargeKpiStore charges,
            RebuildStore schemas,
            TransactionalOperator tx,
            CareEventCodec codec,
            KafkaProperties kafka,
            Clock clock,
            ReadModelChanges changes,
            RebuildProgress progress,
            MeterRegistry meters) {
        for (String topic : CareTopics.ALL) {
            subscriptions.stream()
                    .filter(subscription -> subscription.topic().equals(topic))
                    .forEach(subscription -> {
                        this.subscriptions.put(topic, subscription);
                        counted.put(topic, subscription.handledTypes());
                    });
        }
        this.orders = orders;
        this.deliveries = deliveries;
        this.charges = charges;
        this.schemas = schemas;
        this.tx = tx;
        this.codec = codec;
        this.kafka = kafka;
        this.clock = clock;
        this.changes = changes;
        this.progress = progress;
        gauge(meters, "dolbom.rebuild.running", rebuild -> rebuild.running() ? 1 : 0);
        gauge(meters, "dolbom.rebuild.records.read", Rebuild::read);
        gauge(meters, "dolbom.rebuild.records.target", Rebuild::target);
        gauge(meters, "dolbom.rebuild.events.per.second", rebuild -> {
            Long rate = rebuild.eventsPerSecond(clock.instant());
            return rate == null ? 0 : rate;
        });
    }

    private void gauge(MeterRegistry meters, String name, ToDoubleFunction<Rebuild> value) {
        Gauge.builder(name, latest, current -> {
                    Rebuild rebuild = current.get();
                    return rebuild == null ? 0 : value.applyAsDouble(rebuild);
                })
                .register(meters);
    }

    /** Starts a rebuild on a thread of its own; a conflict while one runs. */
    public synchronized Rebuild start() {
        Rebuild running = latest.get();
        if (running != null && running.running()) {
            throw RuleViolation.conflict("a rebuild of the read models is running: " + running.id())
                    .with("runningRebuild", running.id().toString());
        }
        Rebuild rebuild = new Rebuild(subscriptions.keySet(), clock.instant());
        rebuilds.put(rebuild.id(), rebuild);
        latest.set(rebuild);
        Thread thread = new Thread(() -> run(rebuild), "kpi-rebuild");
        thread.setDaemon(true);
        thread.start();
        return rebuild;
    }

    public Optional<Rebuild> find(UUID id) {
        return Optional.ofNullable(rebuilds.get(id));
    }

    /**
     * A rebuild as this instance follows it, or else as the instance that ran it last recorded it (another replica,
     * or this one before a restart: its {@code recordedAt} says how old the figures are); empty when none has that id.
     */
    public Mono<RebuildAnswer> answer(UUID id) {
        return Mono.justOrEmpty(find(id))
                .map(rebuild -> RebuildAnswer.of(rebuild, clock.instant()))
                .switchIfEmpty(Mono.defer(() -> progress.find(id)));
    }

    /** On the rebuild's own thread; a failure to record is logged, never the rebuild's failure. */
    private void record(Rebuild rebuild) {
        try {
            progress.record(RebuildAnswer.of(rebuild, clock.instant())).block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            log.warn("Rebuild {} could not record its progress: {}", rebuild.id(), e.toString());
        }
    }

    /** The last rebuild started in this instance, running or not. */
    public Optional<Rebuild> latest() {
        return Optional.ofNullable(latest.get());
    }

    private void run(Rebuild rebuild) {
        boolean swapped = false;
        record(rebuild);
        try (KafkaConsumer<String, byte[]> consumer = consumer(rebuild)) {
            List<String> tables = requireNonNull(schemas.liveTables().block());
            schemas.createShadow(tables).block();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : subscriptions.keySet()) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> target = consumer.endOffsets(partitions);
            partitions.forEach(partition ->
                    rebuild.target(partition.topic(), offset(target, partition) - offset(beginning, partition)));
            consumer.seekToBeginning(partitions);
            log.info(
                    "Rebuild {} replays {} records of {} into {}",
                    rebuild.id(),
                    rebuild.target(),
                    partitions,
                    RebuildStore.SHADOW);
            rebuild.replaying(clock.instant());
            record(rebuild);
            replay(consumer, partitions, target, rebuild, true);
            long logging = System.nanoTime();
            schemas.makeDurable(tables).block();
            log.info("Rebuild {} logged the shadow in {} ms", rebuild.id(), (System.nanoTime() - logging) / 1_000_000);
            rebuild.swapping(clock.instant());
            record(rebuild);
            // a deadlock with a consumer or a reader is retried; the statements are lazy, so each try is whole
            tx.transactional(schemas.swap(tables))
                    .retryWhen(TransientFailures.retry())
                    .block();
            swapped = true;
            changes.changed(); // the live views read the new tables
            schemas.dropRetired().block();
            rebuild.catchingUp();
            record(rebuild);
            Map<TopicPartition, Long> now = consumer.endOffsets(partitions);
            partitions.forEach(partition -> consumer.seek(partition, offset(target, partition)));
            replay(consumer, partitions, now, rebuild, false);
            changes.changed();
            rebuild.done(clock.instant());
            record(rebuild);
            log.info(
                    "Rebuild {} done: {} records replayed at {} per second, {}",
                    rebuild.id(),
                    rebuild.read(),
                    rebuild.eventsPerSecond(clock.instant()),
                    rebuild.outcomes());
        } catch (RuntimeException | Error e) {
            log.error("Rebuild {} failed {} the swap", rebuild.id(), swapped ? "after" : "before", e);
            // Before the swap nothing live has changed. After it, the catch-up did not finish: the live figures may
            // lack events the old schema had counted after the target, and only a new rebuild brings them.
            rebuild.failed(
                    clock.instant(),
                    (swapped
                                    ? "after the swap, catching up: the figures may lack events that came during the"
                                            + " rebuild; start another. "
                                    : "before the swap: the figures are untouched. ")
                            + e);
            record(rebuild);
            if (!swapped) {
                schemas.dropShadow().onErrorComplete().block();
            }
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer(Rebuild rebuild) {
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        // assigned, not subscribed: no group, no offsets committed, the live group untouched
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + rebuild.id());
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Reads each partition from where the consumer stands up to {@code until} (exclusive) and applies what it read,
     * one transaction per batch; the next batch is read and decoded while the database applies the last one.
     */
    private void replay(
            KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> until,
            Rebuild rebuild,
            boolean intoShadow) {
        consumer.resume(partitions);
        Set<TopicPartition> remaining = new HashSet<>(partitions);
        CompletableFuture<?> applying = CompletableFuture.completedFuture(null);
        List<Received> batch = new ArrayList<>();
        long began = System.nanoTime();
        long waited = 0;
        long recorded = began;
        while (true) {
            for (TopicPartition partition : List.copyOf(remaining)) {
                if (consumer.position(partition) >= offset(until, partition)) {
                    remaining.remove(partition);
                    consumer.pause(List.of(partition));
                }
            }
            if (remaining.isEmpty()) {
                break;
            }
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
            for (TopicPartition partition : records.partitions()) {
                long end = offset(until, partition);
                long read = 0;
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() >= end) {
                        break; // beyond the target: the catch-up's, or the live consumers' alone
                    }
                    read++;
                    Received received = receive(record, rebuild);
                    if (received != null) {
                        batch.add(received);
                    }
                }
                if (intoShadow) {
                    rebuild.read(partition.topic(), read);
                } else {
                    rebuild.caughtUp(partition.topic(), read);
                }
            }
            if (batch.size() >= BATCH) {
                long waiting = System.nanoTime();
                applying.join();
                waited += System.nanoTime() - waiting;
                applying = apply(batch, rebuild, intoShadow).toFuture();
                batch = new ArrayList<>();
            }
            if (System.nanoTime() - recorded >= RECORD_EVERY.toNanos()) {
                record(rebuild);
                recorded = System.nanoTime();
            }
        }
        long waiting = System.nanoTime();
        applying.join();
        apply(batch, rebuild, intoShadow).block();
        waited += System.nanoTime() - waiting;
        // which of the two bounds the rate: the database (waited for) or reading and decoding (the rest)
        log.info(
                "Rebuild {} {} in {} ms, of which {} ms waiting for the database",
                rebuild.id(),
                intoShadow ? "replayed" : "caught up",
                (System.nanoTime() - began) / 1_000_000,
                waited / 1_000_000);
    }

    /** A record the live subscription of its stream would apply, or null: it would pass it by or dead-letter it. */
    private @Nullable Received receive(ConsumerRecord<String, byte[]> record, Rebuild rebuild) {
        EventEnvelope envelope;
        try {
            envelope = codec.read(name -> header(record, name), record.value());
        } catch (RuntimeException e) {
            rebuild.counted("malformed", 1);
            return null;
        }
        // as the live consumers check it: a known type on the wrong stream, or not from the stream's owner
        if (!envelope.type().topic().equals(record.topic())
                || !CareTopics.owner(record.topic()).equals(envelope.source())) {
            rebuild.counted("malformed", 1);
            return null;
        }
        if (!requireNonNull(counted.get(record.topic()))
                .contains(envelope.data().getClass())) {
            rebuild.counted("ignored", 1);
            return null;
        }
        String consumer = requireNonNull(subscriptions.get(record.topic())).name();
        return new Received(record.topic(), consumer, envelope.id(), envelope.data());
    }

    private record Received(String topic, String consumer, UUID id, CareEvent event) {}

    /**
     * The batch in one transaction; failing that (not for an outage, which fails the rebuild), each record in its
     * own, and one that fails alone is left out: the live consumers dead-letter it the same way, and the rebuild
     * counts it as {@code failed}.
     */
    private Mono<Void> apply(List<Received> batch, Rebuild rebuild, boolean intoShadow) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        return applyTogether(batch, rebuild, intoShadow)
                .onErrorResume(failure -> batch.size() > 1 && !TransientFailures.isInfrastructure(failure), failure -> {
                    log.debug(
                            "Rebuild {} applies a batch of {} one by one after: {}",
                            rebuild.id(),
                            batch.size(),
                            failure.toString());
                    return Flux.fromIterable(batch)
                            .concatMap(record -> applyTogether(List.of(record), rebuild, intoShadow)
                                    .onErrorResume(alone -> !TransientFailures.isInfrastructure(alone), alone -> {
                                        log.warn(
                                                "Rebuild {} leaves out {} {}: {}",
                                                rebuild.id(),
                                                record.topic(),
                                                record.id(),
                                                alone.toString());
                                        rebuild.counted("failed", 1);
                                        return Mono.empty();
                                    }))
                            .then();
                });
    }

    /**
     * One transaction: the batch's inbox rows in one statement, then the events met for the first time, each
     * stream's in its order, through the stores the live subscriptions use. Retried whole on a deadlock with the
     * live consumers (the catch-up writes where they do).
     */
    private Mono<Void> applyTogether(List<Received> batch, Rebuild rebuild, boolean intoShadow) {
        Mono<Integer> work = Mono.defer(() -> (intoShadow ? schemas.writeToShadow() : Mono.<Void>empty())
                .then(schemas.firstDeliveries(
                        batch.stream().map(Received::consumer).toList(),
                        batch.stream().map(Received::id).toList()))
                .flatMap(first -> {
                    List<CareEvent> ordersStream = new ArrayList<>();
                    List<CareEvent> assignments = new ArrayList<>();
                    List<CareEvent> delivered = new ArrayList<>();
                    List<CareEvent> charged = new ArrayList<>();
                    int applied = 0;
                    for (Received received : batch) {
                        if (!first.remove(received.id())) {
                            continue; // applied before, or a copy earlier in this batch
                        }
                        applied++;
                        switch (received.topic()) {
                            case CareTopics.ORDERS -> ordersStream.add(received.event());
                            case CareTopics.ASSIGNMENTS -> assignments.add(received.event());
                            case CareTopics.DELIVERIES -> delivered.add(received.event());
                            case CareTopics.CHARGES -> charged.add(received.event());
                            default -> throw new IllegalStateException(received.topic() + " is not reporting's");
                        }
                    }
                    return orders.addOrders(ordersStream)
                            .then(orders.addAssignments(assignments))
                            .then(deliveries.addAll(delivered))
                            .then(charges.addAll(charged))
                            .thenReturn(applied);
                }));
        return tx.transactional(work)
                .retryWhen(TransientFailures.retry())
                .doOnNext(applied -> {
                    rebuild.counted("applied", applied);
                    rebuild.counted("duplicate", batch.size() - applied);
                })
                .then();
    }

    private static long offset(Map<TopicPartition, Long> offsets, TopicPartition partition) {
        return requireNonNull(offsets.get(partition), partition::toString);
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
