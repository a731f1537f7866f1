package kr.dolbom.billing.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.CareEvent;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The changes of a provider's month: the provider submits it, the district's billing officer approves it and records
 * its payment. Each is a guarded method of {@link Settlement}; the new state, the history entry (who, when) and the
 * announcement, if any, commit together under the settlement's lock, the one charging books lines under. An approval
 * looks for the provider's open holds under that lock too, which a hold is recorded under ({@link DeliveryHolds}), and
 * is refused while one is dated in the month or earlier ({@link HoldPolicy}).
 */
@Service
class SettlementLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SettlementLifecycle.class);

    private final SettlementStore settlements;
    private final HoldStore holds;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    SettlementLifecycle(
            SettlementStore settlements, HoldStore holds, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.settlements = settlements;
        this.holds = holds;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The district a caller's settlements are of: the one it acts for (its token's). */
    static String districtOf(Caller caller) {
        return Objects.requireNonNull(caller.district(), () -> "a " + caller.role() + " acts for no district");
    }

    Mono<Settlement> submit(Caller caller, String providerId, YearMonth month, @Nullable Integer seenVersion) {
        return change(
                caller,
                BillingAccess.SUBMIT_SETTLEMENT,
                providerId,
                month,
                seenVersion,
                (settlement, today) -> Mono.just(settlement.submit(YearMonth.from(today))),
                submitted -> List.of(),
                submitted -> "statement of " + submitted.total().lines() + " line(s), "
                        + submitted.total().amount() + " won, confirmed by the provider");
    }

    Mono<Settlement> approve(Caller caller, String providerId, YearMonth month, @Nullable Integer seenVersion) {
        return change(
                caller,
                BillingAccess.APPROVE_SETTLEMENT,
                providerId,
                month,
                seenVersion,
                (settlement, today) -> {
                    // the state first: a draft is refused as a draft, holds or not
                    Settlement approved = settlement.approve(today);
                    return holds.openThrough(settlement.district(), settlement.providerId(), settlement.month())
                            .collectList()
                            .map(open -> {
                                HoldPolicy.requireNoneBlocking(settlement, open);
                                return approved;
                            });
                },
                approved -> List.of(approved.approval()),
                approved -> "approved: " + approved.total().amount() + " won (public "
                        + approved.total().publicShare() + ", co-payment "
                        + approved.total().coPayment() + "); the month is closed");
    }

    Mono<Settlement> recordPayment(
            Caller caller, String providerId, YearMonth month, Payment payment, @Nullable Integer seenVersion) {
        return change(
                caller,
                BillingAccess.RECORD_SETTLEMENT_PAYMENT,
                providerId,
                month,
                seenVersion,
                (settlement, today) -> Mono.just(settlement.recordPayment(payment, today)),
                paid -> List.of(paid.paid()),
                paid -> "paid on " + Objects.requireNonNull(paid.payment()).paidOn() + ", reference "
                        + Objects.requireNonNull(paid.payment()).reference());
    }

    private Mono<Settlement> change(
            Caller caller,
            AccessRule rule,
            String providerId,
            YearMonth month,
            @Nullable Integer seenVersion,
            BiFunction<Settlement, LocalDate, Mono<Settlement>> transition,
            Function<Settlement, List<CareEvent>> announcements,
            Function<Settlement, String> note) {
        rule.admit(caller);
        String district = districtOf(caller);
        // the district is the caller's own: a billing officer reaches it, provider staff only their provider's
        rule.reveal(caller, Holder.district(district).heldBy(providerId), "settlement of provider", providerId);
        return tx.transactional(Mono.defer(() -> {
                    LocalDate today = LocalDate.now(clock);
                    Instant at = clock.instant();
                    return settlements
                            .lockClosing(district, true)
                            .then(settlements.lock(district, providerId, month))
                            .switchIfEmpty(Mono.error(() ->
                                    RuleViolation.notFound("settlement of provider " + providerId + " for", month)))
                            .flatMap(current -> {
                                current.expectVersion(seenVersion);
                                return transition
                                        .apply(current, today)
                                        .flatMap(next -> settlements
                                                .save(next, current.version())
                                                .then(settlements.record(
                                                        next,
                                                        caller.subject(),
                                                        caller.role().name(),
                                                        at,
                                                        note.apply(next)))
                                                .then(outbox.appendAll(announcements.apply(next)))
                                                .doOnSuccess(done -> log.info(
                                                        "Settlement of {} for {} in {} is {} (v{}) by {}",
                                                        providerId,
                                                        month,
                                                        district,
                                                        next.state(),
                                                        next.version(),
                                                        caller.subject()))
                                                .thenReturn(next));
                            });
                }))
                .retryWhen(TransientFailures.retry());
    }
}
