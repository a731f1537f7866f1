package kr.dolbom.platform.inbox;

import static java.util.Objects.requireNonNull;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.platform.TransientFailures;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Builds the Kafka consumers of a service. Each event is applied once per consumer: its id goes into
 * {@code processed_event} in the same transaction as its effect, so a redelivered event finds its id there
 * and changes nothing, and a failed effect leaves no trace of having been seen.
 *
 * <p>A poll is applied as one batch: one multi-row insert of the ids, every effect in order, one commit, then
 * the offsets. When the batch fails, its records are applied again one transaction each, and the first that
 * fails is named to the container ({@link BatchListenerFailedException}): the records before it are committed,
 * it alone is retried and, after its last attempt, dead-lettered with the reason
 * ({@code kafka_dlt-exception-message}), and the records behind it come again in the next poll. So a poison
 * record costs its batch a second pass, and the handlers keep their one-event signature.
 *
 * <p>The consumers are imperative on purpose: the binder's listener thread blocks until the transaction
 * has committed, then commits the offset. Malformed and rejected events skip retries; an outage of the
 * database is retried until it is over and never dead-lettered ({@link TransientFailures#isInfrastructure}),
 * counted as {@code unavailable} rather than {@code failed}.
 */
public class IdempotentConsumers {

    public static final String ORDER_ID_MDC_KEY = "careOrderId";

    static {
        // the order id a record's handling puts in its Reactor context, restored into the MDC on each thread
        ContextRegistry.getInstance().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(ORDER_ID_MDC_KEY));
    }

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumers.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final CareEventCodec codec;
    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    private final Duration timeout;

    public IdempotentConsumers(
            DatabaseClient db,
            TransactionalOperator tx,
            CareEventCodec codec,
            MeterRegistry meters,
            ObservationRegistry observations,
            Duration timeout) {
        this.db = db;
        this.tx = tx;
        this.codec = codec;
        this.meters = meters;
        this.observations = observations;
        this.timeout = timeout;
    }

    /** A subscription to one stream; declare it as a bean, whose name keys its inbox and its metrics. */
    public Subscription subscribe(String topic, EventHandlers handlers) {
        return new Subscription(topic, handlers, this);
    }

    /**
     * Applies one poll. Each record is handled as a child of the trace its {@code traceparent} header names (the
     * request or event that caused it), so that the events its handler appends carry the same trace on.
     */
    void consume(Subscription subscription, EventHandlers handlers, Message<List<byte[]>> batch) {
        List<Message<byte[]>> records = split(batch);
        List<Received> received = new ArrayList<>(records.size());
        RuntimeException refused = null;
        for (Message<byte[]> record : records) {
            try {
                received.add(receive(subscription, handlers, record));
            } catch (RuntimeException e) {
                // a record no one can read stops the batch here: the ones before it are applied first
                refused = e;
                break;
            }
        }
        applyInOrder(subscription, received);
        if (refused != null) {
            throw new BatchListenerFailedException(String.valueOf(refused.getMessage()), refused, received.size());
        }
    }

    /** One record, read and checked: where it may come from, and what handles it (none: it passes by). */
    private record Received(
            Message<byte[]> message,
            EventEnvelope envelope,
            @Nullable BiFunction<CareEvent, EventEnvelope, Mono<?>> handler) {}

    private Received receive(Subscription subscription, EventHandlers handlers, Message<byte[]> message) {
        String name = subscription.name();
        EventEnvelope envelope = read(name, message);
        if (!envelope.type().topic().equals(subscription.topic())) {
            // A known type on a stream it does not belong to was put there by mistake or by someone else.
            count(name, envelope, "malformed");
            throw new MalformedEventException(envelope.type().cloudEventType() + " does not belong on "
                    + subscription.topic() + " but on " + envelope.type().topic());
        }
        String owner = CareTopics.owner(subscription.topic());
        if (!owner.equals(envelope.source())) {
            count(name, envelope, "malformed");
            throw new MalformedEventException("ce_source " + envelope.source() + " may not publish on "
                    + subscription.topic() + "; only " + owner + " does");
        }
        return new Received(
                message, envelope, handlers.handlerFor(envelope.data()).orElse(null));
    }

    /** The batch in one transaction; failing that, each record in its own, up to the first that fails. */
    private void applyInOrder(Subscription subscription, List<Received> received) {
        String name = subscription.name();
        List<Received> handled =
                received.stream().filter(r -> r.handler() != null).toList();
        received.stream().filter(r -> r.handler() == null).forEach(r -> count(name, r.envelope(), "ignored"));
        if (handled.isEmpty()) {
            return;
        }
        meters.summary("dolbom.consumer.batch", "consumer", name).record(handled.size());
        if (handled.size() > 1) {
            try {
                // a copy of one event within the poll is counted as the duplicate it is
                Set<UUID> applied = new HashSet<>(applyTogether(subscription, byKey(handled)));
                handled.forEach(r ->
                        counted(name, r.envelope(), applied.remove(r.envelope().id())));
                return;
            } catch (RuntimeException e) {
                if (TransientFailures.isInfrastructure(e)) {
                    // the database is away: one record at a time would meet the same outage
                    handled.forEach(r -> count(name, r.envelope(), "unavailable"));
                    throw new BatchListenerFailedException(
                            String.valueOf(e.getMessage()), e, received.indexOf(handled.get(0)));
                }
                log.debug("{} applies a batch of {} one by one after: {}", name, handled.size(), e.toString());
            }
        }
        for (Received record : handled) {
            try (var ignored =
                    MDC.putCloseable(ORDER_ID_MDC_KEY, record.envelope().subject())) {
                boolean applied = applyTogether(subscription, List.of(record))
                        .contains(record.envelope().id());
                counted(name, record.envelope(), applied);
            } catch (RuntimeException e) {
                count(name, record.envelope(), TransientFailures.isInfrastructure(e) ? "unavailable" : "failed");
                throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, received.indexOf(record));
            }
        }
    }

    /**
     * The batch in the order of its keys, each key's records in the order of the stream. Handlers lock their care
     * order's rows; two batches that lock the same orders in the same order wait for each other instead of
     * deadlocking (and each deadlock costs both the database's detection wait). Records of different keys have no
     * order to keep: the stream orders a partition, and partitions are consumed side by side anyway.
     */
    private static List<Received> byKey(List<Received> records) {
        return records.stream()
                .sorted(Comparator.comparing(record -> record.envelope().subject()))
                .toList();
    }

    /**
     * One transaction: the ids first, in one statement, then the effect of each event met for the first time, in
     * the order of the stream, each observed as a child of its record's trace. The ids of the events applied.
     */
    private Set<UUID> applyTogether(Subscription subscription, List<Received> records) {
        List<Observation> observations = records.stream()
                .map(r -> observation(subscription, r.message()).start())
                .toList();
        List<UUID> ids = records.stream().map(r -> r.envelope().id()).toList();
        try {
            Set<UUID> applied = tx.transactional(Mono.defer(() -> firstDeliveries(subscription.name(), ids)
                            .flatMap(first -> Flux.range(0, records.size())
                                    .concatMap(i -> first.remove(ids.get(i))
                                            ? apply(records.get(i))
                                                    // the record's span and order id follow its handling onto
                                                    // every thread, and so into each of its log lines
                                                    .contextWrite(Context.of(
                                                            ObservationThreadLocalAccessor.KEY,
                                                            observations.get(i),
                                                            Slf4jThreadLocalAccessor.KEY,
                                                            Map.of(
                                                                    ORDER_ID_MDC_KEY,
                                                                    records.get(i)
                                                                            .envelope()
                                                                            .subject())))
                                                    .thenReturn(ids.get(i))
                                            : Mono.empty())
                                    .collect(Collectors.toSet()))))
                    .retryWhen(TransientFailures.retry())
                    .block(timeout);
            return applied == null ? Set.of() : applied;
        } catch (RuntimeException e) {
            observations.forEach(observation -> observation.error(e));
            throw e;
        } finally {
            observations.forEach(Observation::stop);
        }
    }

    private static Mono<?> apply(Received record) {
        return requireNonNull(record.handler()).apply(record.envelope().data(), record.envelope());
    }

    private Observation observation(Subscription subscription, Message<byte[]> message) {
        ReceiverContext<Message<byte[]>> received = new ReceiverContext<>(IdempotentConsumers::header);
        received.setCarrier(message);
        received.setRemoteServiceName("kafka");
        return Observation.createNotStarted("dolbom.consumer.handling", () -> received, observations)
                .contextualName(subscription.topic() + " receive")
                .lowCardinalityKeyValue("consumer", subscription.name());
    }

    private void counted(String name, EventEnvelope envelope, boolean applied) {
        count(name, envelope, applied ? "applied" : "duplicate");
        if (applied) {
            // A producer clock ahead of ours would make it negative; zero is the honest floor.
            Duration age = Duration.between(envelope.time(), Instant.now());
            meters.timer("dolbom.consumer.freshness", "consumer", name).record(age.isNegative() ? Duration.ZERO : age);
        } else {
            log.debug("{} already applied {} {}", name, envelope.type(), envelope.id());
        }
    }

    /** The binder hands a poll over as one message: the payloads, and each record's headers in a list beside them. */
    @SuppressWarnings("unchecked")
    private static List<Message<byte[]>> split(Message<List<byte[]>> batch) {
        List<byte[]> payloads = batch.getPayload();
        List<Map<String, Object>> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS, List.class);
        List<Message<byte[]>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            records.add(MessageBuilder.withPayload(payloads.get(i))
                    .copyHeaders(headers == null ? Map.of() : headers.get(i))
                    .build());
        }
        return records;
    }

    private EventEnvelope read(String name, Message<byte[]> message) {
        try {
            return codec.read(header -> header(message, header), message.getPayload());
        } catch (RuntimeException e) {
            meters.counter("dolbom.consumer.events", "consumer", name, "type", "unknown", "outcome", "malformed")
                    .increment();
            throw e;
        }
    }

    /** The ids of {@code eventIds} not seen before, recorded as seen: duplicates within the list count once. */
    private Mono<Set<UUID>> firstDeliveries(String consumer, List<UUID> eventIds) {
        return db.sql("""
                        insert into processed_event (consumer, event_id)
                        select :consumer, id from unnest(:eventIds::uuid[]) as id
                        on conflict do nothing
                        returning event_id""")
                .bind("consumer", consumer)
                .bind("eventIds", eventIds.toArray(UUID[]::new))
                .map(row -> requireNonNull(row.get(0, UUID.class)))
                .all()
                .collect(Collectors.toCollection(HashSet::new));
    }

    private void count(String name, EventEnvelope envelope, String outcome) {
        meters.counter(
                        "dolbom.consumer.events",
                        "consumer",
                        name,
                        "type",
                        envelope.type().cloudEventType(),
                        "outcome",
                        outcome)
                .increment();
    }

    /**
     * A CloudEvents attribute header; Spring Cloud Function rewrites the Kafka binding's {@code ce_} prefix
     * to {@code ce-} when it takes a record for a CloudEvent, so both spellings are read.
     */
    private static @Nullable String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith("ce_")) {
            value = message.getHeaders().get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
