package kr.dolbom.matching.assignment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.WokenWorker;
import kr.dolbom.platform.tracing.TraceParents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * 긴급 우선 연계: makes the first offer of each queued line ({@code line_offering.queued_since}), urgent lines first,
 * then the longest queued, so that an urgent line never waits behind ordinary ones that became matchable before it.
 * One batch per transaction: the rows locked, the offers (or the public centre's assignments) made, their events
 * appended and the rows out of the queue commit together. A consumer's commit that queued lines wakes it at once;
 * otherwise it looks every {@code dolbom.matching.dispatch-interval}. Restart-safe: the queue is rows, never memory,
 * so what was queued before a crash is offered at the first look after the restart; dispatchers of two instances
 * skip each other's rows, and a hold, end or dispatch by hand of a queued line is waited for or waits.
 */
@Component
public class MatchDispatcher extends WokenWorker {

    private static final Logger log = LoggerFactory.getLogger(MatchDispatcher.class);

    /** Lines per transaction: few enough that an urgent line queued meanwhile waits for little. */
    static final int BATCH = 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final OfferStore offers;
    private final LineMatching matching;
    private final TransactionalOperator tx;
    private final ObservationRegistry observations;
    private final Duration interval;
    private final Clock clock;

    /** The queue as last counted, urgent and ordinary lines apart; counted at most every {@link #COUNT_EVERY}. */
    private final Map<Boolean, Counted> depth = Map.of(true, new Counted(), false, new Counted());

    private static final Duration COUNT_EVERY = Duration.ofSeconds(5);
    private Instant counted = Instant.MIN;

    MatchDispatcher(
            OfferStore offers,
            LineMatching matching,
            TransactionalOperator tx,
            ObservationRegistry observations,
            MeterRegistry meters,
            Clock clock,
            @Value("${dolbom.matching.dispatch-interval:PT1S}") Duration interval) {
        super("match-dispatcher");
        this.offers = offers;
        this.matching = matching;
        this.tx = tx;
        this.observations = observations;
        this.clock = clock;
        this.interval = interval;
        depth.forEach((urgent, queued) -> {
            String urgency = urgent ? "urgent" : "ordinary";
            Gauge.builder("dolbom.matching.queue.lines", queued, counted -> counted.depth.lines())
                    .description("Lines waiting for their first offer")
                    .tag("urgency", urgency)
                    .register(meters);
            Gauge.builder("dolbom.matching.queue.oldest", queued, counted -> counted.depth.waitedSeconds(clock))
                    .description("How long the longest-waiting line has waited for its first offer")
                    .baseUnit("seconds")
                    .tag("urgency", urgency)
                    .register(meters);
        });
    }

    /** The last count of the lines of one urgency, read by the gauges on another thread. */
    private static final class Counted {
        volatile Depth depth = Depth.EMPTY;
    }

    /** How many lines wait, and since when the oldest of them (null for none). */
    private record Depth(long lines, @Nullable Instant oldest) {

        static final Depth EMPTY = new Depth(0, null);

        double waitedSeconds(Clock clock) {
            return oldest == null
                    ? 0
                    : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }
    }

    /** Counts the queue for the gauges, once in a while: a count per batch would cost the batches. */
    void countQueue() {
        Instant now = clock.instant();
        if (now.isBefore(counted.plus(COUNT_EVERY))) {
            return;
        }
        counted = now;
        Map<Boolean, Depth> found = new HashMap<>();
        try {
            offers.queueDepth()
                    .doOnNext(queue -> found.put(queue.urgent(), new Depth(queue.lines(), queue.oldest())))
                    .then()
                    .block(TIMEOUT);
        } catch (RuntimeException failure) {
            // the gauges keep the last count, and the oldest wait goes on growing: offering comes first
            log.warn("The queue could not be counted: {}", failure.toString());
            return;
        }
        depth.forEach((urgent, queued) -> queued.depth = found.getOrDefault(urgent, Depth.EMPTY));
    }

    /**
     * Offers the next batch of queued lines in one transaction; returns how many lines left the queue. A batch that
     * fails for a reason of its own (not the database's) is taken line by line, so that the one line at fault
     * waits for the window alone instead of holding up every line queued behind it.
     */
    int dispatchBatch() {
        try {
            return dispatch(BATCH, new AtomicReference<>());
        } catch (RuntimeException failure) {
            if (TransientFailures.isInfrastructure(failure)) {
                throw failure;
            }
            log.warn("A batch of queued lines failed, offering them one by one: {}", failure.toString());
            int dispatched = 0;
            while (dispatched < BATCH && dispatchAlone()) {
                dispatched++;
            }
            return dispatched;
        }
    }

    /** One queued line in a transaction of its own; false when the queue is empty. */
    private boolean dispatchAlone() {
        AtomicReference<@Nullable UUID> taken = new AtomicReference<>();
        try {
            return dispatch(1, taken) > 0;
        } catch (RuntimeException failure) {
            UUID lineId = taken.get();
            if (lineId == null || TransientFailures.isInfrastructure(failure)) {
                throw failure;
            }
            tx.transactional(matching.unplaced(lineId, "its first offer failed: " + failure))
                    .retryWhen(TransientFailures.retry())
                    .block(TIMEOUT);
            return true;
        }
    }

    private int dispatch(int limit, AtomicReference<@Nullable UUID> taken) {
        Integer dispatched = tx.transactional(Mono.defer(() -> offers.lockQueued(limit)
                        .collectList()
                        .filter(queued -> !queued.isEmpty())
                        .doOnNext(queued -> taken.set(queued.get(0).lineId()))
                        .flatMap(queued -> offers.dequeue(queued.stream()
                                        .map(OfferStore.Queued::lineId)
                                        .toList())
                                .thenMany(Flux.fromIterable(queued).concatMap(this::offerFirst))
                                .then(Mono.just(queued.size())))))
                .retryWhen(TransientFailures.retry())
                .defaultIfEmpty(0)
                .block(TIMEOUT);
        return dispatched == null ? 0 : dispatched;
    }

    /** The first offer goes on the trace of the event that made the line matchable, as it did in its consumer. */
    private Mono<Void> offerFirst(OfferStore.Queued queued) {
        String traceparent = queued.traceparent();
        if (traceparent == null) {
            return matching.offerFirst(queued.lineId(), queued.since());
        }
        ReceiverContext<String> received =
                new ReceiverContext<>((carrier, key) -> TraceParents.HEADER.equals(key) ? carrier : null);
        received.setCarrier(traceparent);
        Observation observation = Observation.createNotStarted("dolbom.matching.dispatch", () -> received, observations)
                .contextualName("first offer")
                .start();
        return matching.offerFirst(queued.lineId(), queued.since())
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, observation))
                .doOnError(observation::error)
                .doFinally(signal -> observation.stop());
    }

    @Override
    protected boolean workOnce() {
        countQueue();
        int dispatched = dispatchBatch();
        if (dispatched > 0) {
            log.debug("{} queued line(s) offered", dispatched);
        }
        return dispatched >= BATCH;
    }

    @Override
    protected Duration pollInterval() {
        return interval;
    }

    @Override
    protected Duration stopTimeout() {
        return TIMEOUT;
    }

    /** Stops after the web server and the consumers, before the outbox relay, which publishes its last offers. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }
}
