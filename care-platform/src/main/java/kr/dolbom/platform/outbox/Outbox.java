package kr.dolbom.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.platform.tracing.TraceParents;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records events in the transaction of the state change they announce, so that both commit or neither
 * does. Appending outside a transaction fails: an event written on its own could announce a change that
 * never happened.
 *
 * <p>Per-key order follows commit order as long as the caller has locked or written the aggregate's row
 * before appending (a second writer of the same order then waits for the first to commit).
 */
public class Outbox {

    private final DatabaseClient db;
    private final CareEventCodec codec;
    private final String source;
    private final Clock clock;
    private final Supplier<Mono<Void>> wakeRelayAfterCommit;
    private final TraceParents traces;

    public Outbox(
            DatabaseClient db,
            CareEventCodec codec,
            String source,
            Clock clock,
            Supplier<Mono<Void>> wakeRelayAfterCommit,
            TraceParents traces) {
        this.db = db;
        this.codec = codec;
        this.source = source;
        this.clock = clock;
        this.wakeRelayAfterCommit = wakeRelayAfterCommit;
        this.traces = traces;
    }

    public Mono<Void> append(CareEvent event) {
        return appendAll(List.of(event));
    }

    public Mono<Void> appendAll(List<? extends CareEvent> events) {
        return wakeRelayAfterCommit
                .get()
                .thenMany(Flux.fromIterable(events).concatMap(this::insert))
                .then();
    }

    /** The event carries the trace of the request or event that caused it, when that is traced. */
    private Mono<Long> insert(CareEvent event) {
        return Mono.deferContextual(context -> insert(event, traces.of(context)));
    }

    private Mono<Long> insert(CareEvent event, @Nullable String traceparent) {
        EventEnvelope envelope = EventEnvelope.of(event, source, clock.instant());
        return db.sql("""
                        insert into outbox_event (event_id, topic, message_key, event_type, source, occurred_at, payload,
                                                  traceparent)
                        values (:eventId, :topic, :key, :type, :source, :occurredAt, cast(:payload as json),
                                :traceparent)""")
                .bind("traceparent", Parameter.fromOrEmpty(traceparent, String.class))
                .bind("eventId", envelope.id())
                .bind("topic", envelope.type().topic())
                .bind("key", envelope.subject())
                .bind("type", envelope.type().cloudEventType())
                .bind("source", envelope.source())
                .bind("occurredAt", envelope.time())
                .bind("payload", new String(codec.encode(event), StandardCharsets.UTF_8))
                .fetch()
                .rowsUpdated();
    }
}
