package kr.dolbom.reporting;

import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells whoever listens that the read models changed, once the transaction that changed them has committed (a batch
 * of a poll is one transaction: one signal), so that a live view asks for its figures again only when they are
 * new, and never sees figures a rollback takes back. A slow listener misses signals, not the last state: the next
 * signal makes it read everything again.
 */
@Component
public class ReadModelChanges {

    private final Sinks.Many<Long> changes = Sinks.many().multicast().directBestEffort();
    private long sequence;

    /** One instance for every transaction: registered many times in one, it is called once when it ends. */
    private final TransactionSynchronization onCommit = new TransactionSynchronization() {
        @Override
        public Mono<Void> afterCompletion(int status) {
            if (status == STATUS_COMMITTED) {
                changed();
            }
            return Mono.empty();
        }
    };

    /** The handler's work, then a signal after its transaction commits (at once when it runs in none). */
    public Mono<Void> afterCommit(Mono<?> work) {
        return work.then(TransactionSynchronizationManager.forCurrentTransaction()
                .map(transaction -> {
                    if (!transaction.isSynchronizationActive()) {
                        return false;
                    }
                    transaction.registerSynchronization(onCommit);
                    return true;
                })
                .onErrorResume(NoTransactionException.class, none -> Mono.just(false))
                .doOnNext(registered -> {
                    if (!registered) {
                        changed();
                    }
                })
                .then());
    }

    /** The read models changed outside a consumer's transaction (a rebuild swapped them in). */
    public synchronized void changed() {
        // serialised: a sink refuses emissions from two threads at once
        changes.tryEmitNext(++sequence);
    }

    /** Each change from the moment of subscribing; nothing of what came before. */
    public Flux<Long> changes() {
        return changes.asFlux();
    }
}
