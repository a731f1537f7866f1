package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.LocalDate;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Gives back the capacity of lines whose period is over, even with visits left: without it a provider's slots
 * fill with plans that ended, and new work drifts to the public centre. Restart-safe: it reads the database,
 * not a timer, and instances running it at once skip each other's rows.
 */
@Component
public class EndedLineSweep {

    private static final Logger log = LoggerFactory.getLogger(EndedLineSweep.class);
    private static final int BATCH = 500;

    private final AssignmentStore assignments;
    private final ProviderStore providers;
    private final TransactionalOperator tx;
    private final Clock clock;

    EndedLineSweep(AssignmentStore assignments, ProviderStore providers, TransactionalOperator tx, Clock clock) {
        this.assignments = assignments;
        this.providers = providers;
        this.tx = tx;
        this.clock = clock;
    }

    /** One batch in one transaction; returns how many lines gave their capacity back. */
    public Mono<Long> releaseEnded() {
        LocalDate today = LocalDate.now(clock);
        return tx.transactional(assignments
                        .releaseEndedBefore(today, BATCH)
                        .concatMap(line -> providers
                                .release(line.providerId(), line.serviceType())
                                .thenReturn(line))
                        .count())
                .retryWhen(TransientFailures.retry())
                .doOnNext(released -> {
                    if (released > 0) {
                        log.info("{} ended line(s) gave their providers' capacity back", released);
                    }
                });
    }

    @Scheduled(fixedDelayString = "${dolbom.matching.ended-line-interval:PT10M}", initialDelayString = "PT20S")
    void sweep() {
        releaseEnded()
                .onErrorResume(e -> {
                    log.warn("The ended-line sweep failed; it runs again in an interval", e);
                    return Mono.empty();
                })
                .subscribe();
    }
}
