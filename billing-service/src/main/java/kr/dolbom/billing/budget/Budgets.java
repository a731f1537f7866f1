package kr.dolbom.billing.budget;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.BudgetThresholdReached;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spending against budgets. Each recorded charge adds its public share to its program's year, and a threshold of the
 * budget in force it reaches is recorded and announced ({@link BudgetThresholdReached}) in the charge's own
 * transaction; setting a budget adds a version, whose thresholds the spending may have reached already (a lowered
 * budget): those are announced with it. Both hold the program's year locked, so each threshold of each version is
 * reached by one charge or one setting, and announced once.
 */
@Service
public class Budgets {

    private static final Logger log = LoggerFactory.getLogger(Budgets.class);

    private final BudgetStore budgets;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    Budgets(BudgetStore budgets, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.budgets = budgets;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Counts a charge just recorded in the year of its delivery day; call it in the charge's transaction, once per
     * charge (a delivery heard twice is recorded once, so it is counted once).
     */
    public Mono<Void> spend(
            String district, ServiceType type, LocalDate serviceDate, UUID chargeId, long amount, long publicShare) {
        int year = serviceDate.getYear();
        return budgets.add(district, year, type, amount, publicShare)
                .flatMap(spent -> budgets.current(district, year, type)
                        .flatMap(budget -> announce(
                                budget,
                                BudgetThresholds.crossed(
                                        budget.amount(), spent.publicShare() - publicShare, spent.publicShare()),
                                spent.publicShare(),
                                chargeId)));
    }

    /**
     * Takes a reversed charge (청구 취소) back out of the spending of its delivery's year, in the reversal's transaction:
     * {@code amount} and {@code publicShare} are those of the charge, positive. A threshold the charge had crossed
     * stays reached and announced (each is announced once per budget version); none is announced again on the way
     * back up.
     */
    public Mono<Void> refund(String district, ServiceType type, LocalDate serviceDate, long amount, long publicShare) {
        return budgets.subtract(district, serviceDate.getYear(), type, amount, publicShare);
    }

    /** 예산 편성: a new version of the program's budget of the year; the first is version 1. */
    Mono<Budget> set(Caller caller, String district, int year, ServiceType type, long amount, String basis) {
        BillingAccess.SET_BUDGET.create(caller, Holder.district(district), "district");
        Budget.requireYear(year);
        return tx.transactional(Mono.defer(() -> {
                    Instant at = clock.instant();
                    return budgets.lock(district, year, type)
                            .flatMap(spent -> budgets.current(district, year, type)
                                    .map(current -> current.next(
                                            amount,
                                            basis,
                                            caller.subject(),
                                            caller.role().name(),
                                            at))
                                    .switchIfEmpty(Mono.fromSupplier(() -> new Budget(
                                            district,
                                            year,
                                            type,
                                            1,
                                            amount,
                                            basis,
                                            caller.subject(),
                                            caller.role().name(),
                                            at)))
                                    .flatMap(next -> budgets.insert(next)
                                            .then(announce(
                                                    next,
                                                    BudgetThresholds.reached(next.amount(), spent.publicShare()),
                                                    spent.publicShare(),
                                                    null))
                                            .doOnSuccess(done -> log.info(
                                                    "Budget of {} for {} in {} is {} won (v{}), {} spent, by {} ({})",
                                                    type,
                                                    year,
                                                    district,
                                                    next.amount(),
                                                    next.version(),
                                                    spent.publicShare(),
                                                    caller.subject(),
                                                    basis))
                                            .thenReturn(next)));
                }))
                .retryWhen(TransientFailures.retry());
    }

    /**
     * Records and announces each of the version's {@code thresholds} that was not recorded before: a charge's own
     * crossings, or all that a new version finds reached.
     */
    private Mono<Void> announce(Budget budget, List<Integer> thresholds, long spent, @Nullable UUID chargeId) {
        Instant at = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return Flux.fromIterable(thresholds)
                .concatMap(threshold -> budgets.markReached(budget, threshold, spent, chargeId, at)
                        .filter(first -> first)
                        .flatMap(first -> outbox.append(new BudgetThresholdReached(
                                        budget.budgetId(),
                                        budget.district(),
                                        budget.serviceType(),
                                        budget.year(),
                                        budget.version(),
                                        threshold,
                                        budget.amount(),
                                        spent,
                                        chargeId,
                                        today))
                                .doOnSuccess(done -> log.warn(
                                        "Budget of {} for {} in {} (v{}, {} won) is {} % spent: {} won{}",
                                        budget.serviceType(),
                                        budget.year(),
                                        budget.district(),
                                        budget.version(),
                                        budget.amount(),
                                        threshold,
                                        spent,
                                        chargeId == null ? " when it was set" : " with charge " + chargeId))))
                .then();
    }
}
