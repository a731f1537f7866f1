package kr.dolbom.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiFunction;
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
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Builds the Kafka consumers of a service. Each event is applied once per consumer: its id goes into
 * {@code processed_event} in the same transaction as its effect, so a redelivered event finds its id there
 * and changes nothing, and a failed effect leaves no trace of having been seen.
 *
 * <p>The consumers are imperative on purpose: the binder's listener thread blocks until the transaction
 * has committed, then commits the offset; a failure is retried by the container and, after its last
 * attempt, dead-lettered with the reason ({@code kafka_dlt-exception-message}). Malformed and rejected
 * events skip retries; an outage of the database is retried until it is over and never dead-lettered
 * ({@link TransientFailures#isInfrastructure}), counted as {@code unavailable} rather than {@code failed}.
 */
public class IdempotentConsumers {

    public static final String ORDER_ID_MDC_KEY = "careOrderId";

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
     * Handles one record as a child of the trace its {@code traceparent} header names (the request or event that
     * caused it), so that the events the handler appends carry the same trace on.
     */
    void consume(Subscription subscription, EventHandlers handlers, Message<byte[]> message) {
        ReceiverContext<Message<byte[]>> received = new ReceiverContext<>(IdempotentConsumers::header);
        received.setCarrier(message);
        received.setRemoteServiceName("kafka");
        Observation observation = Observation.createNotStarted("dolbom.consumer.handling", () -> received, observations)
                .contextualName(subscription.topic() + " receive")
                .lowCardinalityKeyValue("consumer", subscription.name());
        observation.observe(() -> consume(subscription, handlers, message, observation));
    }

    private void consume(
            Subscription subscription, EventHandlers handlers, Message<byte[]> message, Observation observation) {
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
        handlers.handlerFor(envelope.data())
                .ifPresentOrElse(
                        handler -> {
                            try (var ignored = MDC.putCloseable(ORDER_ID_MDC_KEY, envelope.subject())) {
                                boolean applied = apply(name, envelope, handler, observation);
                                count(name, envelope, applied ? "applied" : "duplicate");
                                if (applied) {
                                    // A producer clock ahead of ours would make it negative; zero is the honest floor.
                                    Duration age = Duration.between(envelope.time(), Instant.now());
                                    meters.timer("dolbom.consumer.freshness", "consumer", name)
                                            .record(age.isNegative() ? Duration.ZERO : age);
                                } else {
                                    log.debug("{} already applied {} {}", name, envelope.type(), envelope.id());
                                }
                            } catch (RuntimeException e) {
                                count(name, envelope, TransientFailures.isInfrastructure(e) ? "unavailable" : "failed");
                                throw e;
                            }
                        },
                        () -> count(name, envelope, "ignored"));
    }

    private boolean apply(
            String name,
            EventEnvelope envelope,
            BiFunction<CareEvent, EventEnvelope, Mono<?>> handler,
            Observation observation) {
        return Boolean.TRUE.equals(tx.transactional(Mono.defer(() -> firstDelivery(name, envelope.id())
                        .flatMap(first ->
                                first ? handler.apply(envelope.data(), envelope).thenReturn(true) : Mono.just(false))))
                .retryWhen(TransientFailures.retry())
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation))
                .block(timeout));
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

    private Mono<Boolean> firstDelivery(String consumer, UUID eventId) {
        return db.sql(
                        "insert into processed_event (consumer, event_id) values (:consumer, :eventId) on conflict do nothing")
                .bind("consumer", consumer)
                .bind("eventId", eventId)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
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
