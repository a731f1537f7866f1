package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.Instant;
import kr.dolbom.platform.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Declines the offers nobody answered in time and offers their lines on. Restart-safe: the deadlines are rows, not
 * timers, so an offer that expired while matching was down is declined at the first sweep after the restart; sweeps
 * of two instances skip each other's rows, and an answer in flight holds its row, so exactly one of them wins.
 */
@Component
public class OfferDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(OfferDeadlineSweep.class);
    private static final int BATCH = 100;

    private final OfferStore offers;
    private final Offering offering;
    private final TransactionalOperator tx;
    private final Clock clock;

    OfferDeadlineSweep(OfferStore offers, Offering offering, TransactionalOperator tx, Clock clock) {
        this.offers = offers;
        this.offering = offering;
        this.tx = tx;
        this.clock = clock;
    }

    /** One batch in one transaction; returns how many offers expired. */
    public Mono<Long> expireDue() {
        return tx.transactional(Mono.defer(() -> {
                    Instant now = clock.instant();
                    return offers.lockDue(now, BATCH)
                            .concatMap(offering::expire)
                            .count();
                }))
                .retryWhen(TransientFailures.retry())
                .doOnNext(expired -> {
                    if (expired > 0) {
                        log.info("{} offer(s) expired unanswered; their lines were offered on", expired);
                    }
                });
    }

    @Scheduled(fixedDelayString = "${dolbom.matching.offers.sweep-interval:PT30S}", initialDelayString = "PT5S")
    void sweep() {
        expireDue()
                .expand(expired -> expired == BATCH ? expireDue() : Mono.empty())
                .onErrorResume(e -> {
                    log.warn("The offer deadline sweep failed; it runs again in an interval", e);
                    return Mono.empty();
                })
                .subscribe();
    }
}
