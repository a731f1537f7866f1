package kr.dolbom.matching.assignment;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.ReceiverContext;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.tracing.TraceParents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
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
public class MatchDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MatchDispatcher.class);

    /** Lines per transaction: few enough that an urgent line queued meanwhile waits for little. */
    static final int BATCH = 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);

    private final OfferStore offers;
    private final LineMatching matching;
    private final TransactionalOperator tx;
    private final ObservationRegistry observations;
    private final Duration interval;
    private final Semaphore wakeUps = new Semaphore(0);
    private final TransactionSynchronization wakeAfterCommit = new WakeAfterCommit(this::wakeUp);

    private volatile boolean running;
    private volatile @Nullable Thread worker;

    MatchDispatcher(
            OfferStore offers,
            LineMatching matching,
            TransactionalOperator tx,
            ObservationRegistry observations,
            @Value("${dolbom.matching.dispatch-interval:PT1S}") Duration interval) {
        this.offers = offers;
        this.matching = matching;
        this.tx = tx;
        this.observations = observations;
        this.interval = interval;
    }

    /** Wakes the dispatcher once the current transaction commits (once however many lines it queued). */
    Mono<Void> wakeAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(current -> {
                    if (!current.getSynchronizations().contains(wakeAfterCommit)) {
                        current.registerSynchronization(wakeAfterCommit);
                    }
                })
                .then();
    }

    /** Looks now instead of at the next interval. */
    void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Offers the next batch of queued lines in one transaction; returns how many lines left the queue. */
    int dispatchBatch() {
        Integer dispatched = tx.transactional(Mono.defer(() -> offers.lockQueued(BATCH)
                        .collectList()
                        .filter(queued -> !queued.isEmpty())
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

    private void run() {
        while (running) {
            try {
                int dispatched = dispatchBatch();
                if (dispatched > 0) {
                    log.debug("{} queued line(s) offered", dispatched);
                }
                if (dispatched < BATCH) {
                    wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("The match dispatcher failed, retrying in {}: {}", FAILURE_BACKOFF, e.toString());
                try {
                    Thread.sleep(FAILURE_BACKOFF.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "match-dispatcher");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            wakeUp();
            try {
                current.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server and the consumers, before the outbox relay, which publishes its last offers. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 3072;
    }

    private record WakeAfterCommit(Runnable wake) implements TransactionSynchronization {
        @Override
        public Mono<Void> afterCommit() {
            return Mono.fromRunnable(wake);
        }
    }
}
