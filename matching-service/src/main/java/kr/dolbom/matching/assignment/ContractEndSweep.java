package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.LocalDate;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * 협약 종료: once a member's contract has ended, its open offers go on to the next member and its running lines are
 * taken over, as for a suspension. Restart-safe: the contract is data and the sweep reads it; a member's move is one
 * transaction holding the rows it moves, so two instances sweeping at once move each line once.
 */
@Component
public class ContractEndSweep {

    private static final Logger log = LoggerFactory.getLogger(ContractEndSweep.class);

    private final ProviderStore providers;
    private final Offering offering;
    private final TransactionalOperator tx;
    private final Clock clock;

    ContractEndSweep(ProviderStore providers, Offering offering, TransactionalOperator tx, Clock clock) {
        this.providers = providers;
        this.offering = offering;
        this.tx = tx;
        this.clock = clock;
    }

    /** Moves the work of every member out of contract today; returns how many offers and lines moved. */
    public Mono<Long> moveWorkOutOfContract() {
        LocalDate today = LocalDate.now(clock);
        return providers
                .outOfContract(today)
                .concatMap(provider -> tx.transactional(offering.takeWorkFrom(
                                provider,
                                ReassignCause.CONTRACT_ENDED,
                                "contract-end sweep",
                                "the provider's contract ended before " + today))
                        .retryWhen(TransientFailures.retry())
                        .map(moved -> (long) moved.offersWithdrawn() + moved.linesTakenOver()))
                .reduce(0L, Long::sum)
                .doOnNext(moved -> {
                    if (moved > 0) {
                        log.info("{} offer(s) and line(s) of providers out of contract moved on", moved);
                    }
                });
    }

    @Scheduled(fixedDelayString = "${dolbom.matching.contract-end-interval:PT10M}", initialDelayString = "PT30S")
    void sweep() {
        moveWorkOutOfContract()
                .onErrorResume(e -> {
                    log.warn("The contract-end sweep failed; it runs again in an interval", e);
                    return Mono.empty();
                })
                .subscribe();
    }
}
