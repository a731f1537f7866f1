package kr.dolbom.intake.order;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The changes a care manager or the window makes to a running order — hold, resume, cancel — and the sweep that
 * completes orders whose plan is over. Each change is a guarded method of {@link CareOrder}; the new state, the
 * history entry (who, when, why) and the event commit together.
 */
@Service
public class OrderLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderLifecycle.class);
    private static final int SWEEP_BATCH = 200;

    private final CareOrderStore orders;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    OrderLifecycle(CareOrderStore orders, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<CareOrder> hold(
            Caller caller,
            UUID id,
            HoldReason reason,
            @Nullable LocalDate from,
            @Nullable LocalDate resumeOn,
            @Nullable String note,
            @Nullable Integer seenVersion) {
        return change(caller, IntakeAccess.HOLD_CARE_ORDER, id, seenVersion, (order, today) -> {
            var event = order.putOnHold(reason, from == null ? today : from, resumeOn, today);
            return new Change(
                    event,
                    "on hold from " + event.from() + ": " + reason + (resumeOn == null ? "" : ", back by " + resumeOn)
                            + why(note));
        });
    }

    Mono<CareOrder> resume(Caller caller, UUID id, @Nullable LocalDate on, @Nullable Integer seenVersion) {
        return change(caller, IntakeAccess.RESUME_CARE_ORDER, id, seenVersion, (order, today) -> {
            var event = order.resume(on == null ? today : on, today);
            return new Change(event, "resumed from " + event.on());
        });
    }

    Mono<CareOrder> cancel(
            Caller caller,
            UUID id,
            CancelReason reason,
            @Nullable LocalDate on,
            @Nullable String note,
            @Nullable Integer seenVersion) {
        return change(caller, IntakeAccess.CANCEL_CARE_ORDER, id, seenVersion, (order, today) -> {
            var event = order.cancel(reason, on == null ? today : on, today);
            return new Change(event, "cancelled from " + event.on() + ": " + reason + why(note));
        });
    }

    /**
     * A delivery heard from matching: the order's first puts it in progress (announced once; a redelivered or later
     * delivery changes nothing). Runs in the consumer's transaction, with its processed-event record.
     */
    Mono<Void> delivered(ServiceDelivered delivered, EventEnvelope envelope) {
        return orders.lock(delivered.careOrderId())
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "careOrderId",
                        "no care order " + delivered.careOrderId() + " for delivery " + delivered.deliveryId())))
                .flatMap(order -> order.started(delivered.serviceDate())
                        .map(started -> orders.saveLifecycle(
                                        order,
                                        started,
                                        null,
                                        "first delivery on " + started.on() + " by " + delivered.providerId(),
                                        envelope.time())
                                .then(outbox.append(started)))
                        .orElseGet(Mono::empty));
    }

    /**
     * Completes every open order whose lines have all ended. Safe to run again, and after a crash: each order is
     * completed in a transaction of its own, under its lock, and only if it is still open and over.
     */
    public Mono<Long> completeOrdersOver() {
        LocalDate today = LocalDate.now(clock);
        return orders.overBefore(today, SWEEP_BATCH)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> tx.transactional(orders.lock(id)
                                .flatMap(order -> order.completeIfOver(today)
                                        .map(event -> orders.saveLifecycle(
                                                        order,
                                                        event,
                                                        null,
                                                        "completed: every line ended by " + event.on(),
                                                        clock.instant())
                                                .then(outbox.append(event))
                                                .thenReturn(1L))
                                        .orElseGet(() -> Mono.just(0L))))
                        .retryWhen(TransientFailures.retry()))
                .reduce(0L, Long::sum)
                .doOnNext(done -> {
                    if (done > 0) {
                        log.info("Completed {} care order(s) whose plan period is over", done);
                    }
                });
    }

    private record Change(CareEvent event, String why) {}

    private Mono<CareOrder> change(
            Caller caller,
            AccessRule rule,
            UUID id,
            @Nullable Integer seenVersion,
            BiFunction<CareOrder, LocalDate, Change> transition) {
        rule.admit(caller);
        LocalDate today = LocalDate.now(clock);
        Instant at = clock.instant();
        return tx.transactional(orders.reveal(caller, rule, id)
                        .then(Mono.defer(() -> orders.lock(id)))
                        .flatMap(order -> {
                            order.expectVersion(seenVersion);
                            Change change = transition.apply(order, today);
                            return orders.saveLifecycle(order, change.event(), caller.subject(), change.why(), at)
                                    .then(outbox.append(change.event()))
                                    .doOnSuccess(done ->
                                            log.info("Care order {} {} by {}", id, order.status(), caller.subject()))
                                    .thenReturn(order);
                        }))
                .retryWhen(TransientFailures.retry());
    }

    private static String why(@Nullable String note) {
        return note == null || note.isBlank() ? "" : " (" + note.strip() + ")";
    }
}
