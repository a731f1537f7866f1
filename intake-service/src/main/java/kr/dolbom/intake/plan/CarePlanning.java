package kr.dolbom.intake.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.intake.order.CareOrder;
import kr.dolbom.intake.order.CareOrderStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Drafting and approving care plans. Each change runs under the order's lock, so a plan and the order's status
 * (a cancellation, a hold) never change at once; an approval commits the plan, the order's line ends, its history
 * entry and the {@link CarePlanApproved} announcement together.
 */
@Service
public class CarePlanning {

    private static final Logger log = LoggerFactory.getLogger(CarePlanning.class);

    private final CarePlanStore plans;
    private final CareOrderStore orders;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    CarePlanning(CarePlanStore plans, CareOrderStore orders, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.plans = plans;
        this.orders = orders;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<CarePlan> read(Caller caller, UUID orderId) {
        IntakeAccess.READ_CARE_PLAN.admit(caller);
        return orders.reveal(caller, IntakeAccess.READ_CARE_PLAN, orderId).then(Mono.defer(() -> plans.find(orderId)));
    }

    Mono<CarePlan> draft(
            Caller caller,
            UUID orderId,
            @Nullable LocalDate effectiveFrom,
            List<CarePlan.ProposedLine> lines,
            @Nullable Integer seenRevision) {
        return change(caller, IntakeAccess.DRAFT_CARE_PLAN, orderId, seenRevision, (plan, order, at, today) -> {
            PlanVersion draft = plan.draft(order, effectiveFrom, lines, caller.subject(), at, today);
            log.info("Care plan {} of order {} drafted by {}", draft.number(), orderId, caller.subject());
            return plans.saveLatest(plan);
        });
    }

    Mono<CarePlan> approve(Caller caller, UUID orderId, @Nullable Integer seenRevision) {
        return change(caller, IntakeAccess.APPROVE_CARE_PLAN, orderId, seenRevision, (plan, order, at, today) -> {
            CarePlanApproved approved = plan.approve(order, caller.subject(), at, today);
            order.followPlan(plan.lineEnds());
            String why = "care plan " + approved.version() + " approved, in force from " + approved.effectiveFrom()
                    + (approved.ended().isEmpty() ? "" : "; " + approved.ended().size() + " line(s) ended");
            log.info("Care plan {} of order {} approved by {}", approved.version(), orderId, caller.subject());
            return plans.saveLatest(plan)
                    .then(orders.saveLineEnds(order, approved, caller.subject(), why, at))
                    .then(outbox.append(approved));
        });
    }

    private interface PlanChange {
        Mono<Void> apply(CarePlan plan, CareOrder order, Instant at, LocalDate today);
    }

    private Mono<CarePlan> change(
            Caller caller, AccessRule rule, UUID orderId, @Nullable Integer seenRevision, PlanChange change) {
        rule.admit(caller);
        return tx.transactional(orders.reveal(caller, rule, orderId)
                        .then(Mono.defer(() -> orders.lock(orderId)))
                        .flatMap(order -> plans.find(orderId).flatMap(plan -> {
                            plan.expectRevision(seenRevision);
                            return change.apply(plan, order, clock.instant(), LocalDate.now(clock))
                                    .thenReturn(plan);
                        })))
                .retryWhen(TransientFailures.retry());
    }
}
