package kr.dolbom.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * A worker over rows, on a thread of its own and never an event loop: the next round starts at once while a round
 * filled its batch, otherwise after a wake-up (a commit that left work for it) or the poll interval, whichever comes
 * first. A failed round is logged and tried again a second later; the rows are still there.
 */
public abstract class WokenWorker implements SmartLifecycle {

    private static final Duration FAILURE_BACKOFF = Duration.ofSeconds(1);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Semaphore wakeUps = new Semaphore(0);
    private final TransactionSynchronization wakeAfterCommit = new WakeAfterCommit(this::wakeUp);

    private volatile boolean running;
    private volatile @Nullable Thread worker;

    protected WokenWorker(String name) {
        this.name = name;
    }

    /** One round; true when it filled its batch, so that more is likely waiting. */
    protected abstract boolean workOnce();

    protected abstract Duration pollInterval();

    /** How long stop waits for the round in progress. */
    protected abstract Duration stopTimeout();

    /** A pause after a wake-up, so that the commits of the next few milliseconds join the same round. */
    protected Duration linger() {
        return Duration.ZERO;
    }

    protected boolean enabled() {
        return true;
    }

    /** Called with each failed round, before the back-off; e.g. to count it. */
    protected void failed(RuntimeException failure) {}

    /** Starts the next round now instead of at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Wakes the worker once the current transaction commits, once however often a transaction asks. */
    public Mono<Void> wakeAfterCommit() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(current -> {
                    if (!current.getSynchronizations().contains(wakeAfterCommit)) {
                        current.registerSynchronization(wakeAfterCommit);
                    }
                })
                .then();
    }

    private void run() {
        while (running) {
            try {
                if (!workOnce() && wakeUps.tryAcquire(pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(linger().toMillis());
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed(e);
                log.warn("{} failed, retrying in {}: {}", name, FAILURE_BACKOFF, e.toString());
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
        if (running || !enabled()) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, name);
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
                current.join(stopTimeout().toMillis());
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

    private record WakeAfterCommit(Runnable wake) implements TransactionSynchronization {
        @Override
        public Mono<Void> afterCommit() {
            return Mono.fromRunnable(wake);
        }
    }
}
