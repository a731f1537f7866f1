package kr.dolbom.matching.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.OrderPause;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.assignment.AssignmentStore;
import kr.dolbom.matching.assignment.LineAssignment;
import kr.dolbom.matching.assignment.OrderPauseStore;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Checks a provider's delivery report against its line, verifies it ({@link Verification}) and records it with its
 * announcement: {@code ServiceDelivered} when verified and paid, {@code DeliveryHeld} when held for the window, none
 * for an attempt that is not paid. A line that has delivered all it planned gives its capacity back to the provider.
 */
@Service
class DeliveryReporting {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReporting.class);

    private final AssignmentStore assignments;
    private final DeliveryStore deliveries;
    private final ProviderStore providers;
    private final OrderPauseStore pauses;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    DeliveryReporting(
            AssignmentStore assignments,
            DeliveryStore deliveries,
            ProviderStore providers,
            OrderPauseStore pauses,
            Outbox outbox,
            TransactionalOperator tx,
            Clock clock) {
        this.pauses = pauses;
        this.assignments = assignments;
        this.deliveries = deliveries;
        this.providers = providers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<DeliveryView> report(Caller caller, DeliveryReport report) {
        // a provider reports in its own name only; another provider's line is not found
        MatchingAccess.REPORT_DELIVERY.create(
                caller,
                Holder.district(Objects.requireNonNullElse(caller.district(), ""))
                        .heldBy(report.providerId()),
                "providerId");
        return tx.transactional(Mono.defer(() -> assignments.lock(report.lineId()))
                        .filter(line -> MatchingAccess.REPORT_DELIVERY.reaches(caller, line.holder()))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", report.lineId())))
                        .flatMap(line -> checkAndRecord(report, line)))
                .retryWhen(TransientFailures.retry())
                .onErrorMap(
                        DuplicateKeyException.class,
                        duplicate -> RuleViolation.conflict("line " + report.lineId()
                                + " already has a delivery reported for " + report.serviceDate()
                                + (report.startTime() == null ? "" : " at " + report.startTime())));
    }

    Mono<DeliveryView> find(Caller caller, UUID deliveryId) {
        MatchingAccess.READ_DELIVERY.admit(caller);
        return deliveries
                .find(deliveryId)
                .flatMap(delivery -> assignments
                        .find(delivery.lineId())
                        .filter(line -> MatchingAccess.READ_DELIVERY.reaches(caller, line.holder()))
                        .map(line -> DeliveryView.of(delivery, line)))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("delivery", deliveryId)));
    }

    private Mono<DeliveryView> checkAndRecord(DeliveryReport report, LineAssignment line) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<RuleViolation.Violation> violations = DeliveryRules.check(
                line.serviceType(),
                report.outcome(),
                report.place(),
                report.serviceDate(),
                report.startTime(),
                report.endTime(),
                report.units(),
                now);
        if (!violations.isEmpty()) {
            return Mono.error(RuleViolation.invalid(violations));
        }
        if (!line.providerId().equals(report.providerId())) {
            return Mono.error(
                    RuleViolation.refused("providerId", "line " + line.lineId() + " is assigned to another provider"));
        }
        if (!line.covers(report.serviceDate())) {
            return Mono.error(RuleViolation.refused(
                    "serviceDate", "is outside the line's period " + line.startsOn() + " to " + line.endsOn()));
        }
        RuleViolation.Violation refusal = Verification.refusal(
                line.serviceType(), report.serviceDate(), report.place(), line.assignedOn(), line.dong());
        if (refusal != null) {
            return Mono.error(RuleViolation.refused(refusal.field(), refusal.message()));
        }
        return pauses.of(line.careOrderId())
                .defaultIfEmpty(OrderPause.NONE)
                .flatMap(pause -> {
                    String paused = pause.refusal(report.serviceDate());
                    return paused == null
                            ? deliveries.absencePayRules()
                            : Mono.error(RuleViolation.refused("serviceDate", paused));
                })
                .flatMap(rules -> {
                    int counted =
                            AbsencePay.paid(report.outcome(), report.serviceDate(), rules) ? count(report, line) : 0;
                    return checkCount(report, line, counted)
                            .then(Mono.defer(() -> verdict(report, line, counted, now.toLocalDate())))
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(held -> record(report, line, counted, held.orElse(null), now.toLocalDate()));
                });
    }

    private Mono<Void> checkCount(DeliveryReport report, LineAssignment line, int counted) {
        if (counted > line.remaining()) {
            return Mono.error(RuleViolation.refused(
                    line.serviceType().isTimed() ? "lineId" : "units",
                    "the line planned " + line.quantity() + ", " + line.delivered() + " already delivered; " + counted
                            + " more would exceed the plan"));
        }
        LocalTime start = report.startTime();
        LocalTime end = report.endTime();
        if (start == null || end == null) {
            return Mono.empty(); // units, not a visit: DeliveryRules made sure of it
        }
        return deliveries
                .overlapsAnotherVisit(line.lineId(), report.serviceDate(), start, end)
                .flatMap(overlaps -> overlaps
                        ? Mono.error(RuleViolation.conflict("the visit overlaps another visit of line " + line.lineId()
                                + " on " + report.serviceDate()))
                        : Mono.empty());
    }

    /**
     * Why a paid report is held, if it is; empty when it is verified. An attempt that is not paid is recorded as it
     * is: there is nothing for the window to clear for payment.
     */
    private Mono<DeliveryHoldReason> verdict(DeliveryReport report, LineAssignment line, int counted, LocalDate today) {
        if (counted == 0) {
            return Mono.empty();
        }
        LocalTime start = report.startTime();
        LocalTime end = report.endTime();
        Mono<Boolean> elsewhere = start == null || end == null
                ? Mono.just(false)
                : deliveries.workerElsewhere(line.providerId(), report.workerRef(), report.serviceDate(), start, end);
        Mono<Integer> thatWeek = line.serviceType().isTimed()
                ? deliveries.visitsCountedInWeek(line.lineId(), Verification.weekOf(report.serviceDate()))
                : Mono.just(0);
        Verification.Visit visit = new Verification.Visit(
                line.serviceType(),
                report.serviceDate(),
                start,
                end,
                report.outcome() == DeliveryOutcome.DELIVERED ? line.minutesPerVisit() : null);
        return Mono.zip(elsewhere, thatWeek)
                .mapNotNull(facts -> Verification.holdReason(
                        visit,
                        facts.getT1(),
                        facts.getT2(),
                        Verification.weeklyPace(line.quantity(), line.startsOn(), line.endsOn()),
                        today));
    }

    private Mono<DeliveryView> record(
            DeliveryReport report,
            LineAssignment line,
            int counted,
            @Nullable DeliveryHoldReason holdReason,
            LocalDate today) {
        boolean announced = counted > 0 && holdReason == null;
        Delivery delivery = new Delivery(
                UUID.randomUUID(),
                line.lineId(),
                line.providerId(),
                report.serviceDate(),
                report.startTime(),
                report.endTime(),
                report.units(),
                report.workerRef(),
                report.place() == null ? line.dong() : report.place(),
                report.outcome(),
                holdReason == null ? DeliveryStatus.VERIFIED : DeliveryStatus.HELD,
                holdReason,
                counted,
                announced,
                null,
                null);
        // a held delivery keeps its visits from the plan until the window answers: a release never exceeds the plan
        Mono<Void> releaseIfDone = counted > 0 && counted == line.remaining()
                ? assignments
                        .releaseCapacityOfLine(line.lineId())
                        .filter(held -> held)
                        .flatMap(held -> providers.release(line.providerId(), line.serviceType()))
                : Mono.empty();
        Mono<Void> announcement = holdReason != null
                ? outbox.append(delivery.held(line, holdReason, today))
                : announced ? outbox.append(delivery.announcement(line)) : Mono.empty();
        return deliveries
                .insert(delivery)
                .then(assignments.addDelivered(line.lineId(), counted))
                .then(releaseIfDone)
                .then(announcement)
                .doOnSuccess(done -> log.info(
                        "Delivery {} on line {} of order {} by {}: {}{}",
                        delivery.deliveryId(),
                        line.lineId(),
                        line.careOrderId(),
                        line.providerId(),
                        delivery.status(),
                        holdReason == null ? "" : " for " + holdReason))
                .thenReturn(DeliveryView.of(delivery, line));
    }

    /** A visit counts one against the planned visits; units count as many as were delivered. */
    private static int count(DeliveryReport report, LineAssignment line) {
        return line.serviceType().isTimed() ? 1 : report.units();
    }
}
