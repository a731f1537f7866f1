package kr.dolbom.matching.delivery;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Checks a provider's delivery report against its line and records it with its announcement. A line that
 * has delivered all it planned gives its capacity back to the provider.
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
                        .flatMap(line -> check(report, line).then(Mono.defer(() -> record(report, line)))))
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

    private Mono<Void> check(DeliveryReport report, LineAssignment line) {
        List<RuleViolation.Violation> violations = DeliveryRules.check(
                line.serviceType(),
                report.serviceDate(),
                report.startTime(),
                report.endTime(),
                report.units(),
                LocalDateTime.now(clock));
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
        return pauses.of(line.careOrderId()).flatMap(pause -> {
            String refusal = pause.refusal(report.serviceDate());
            return refusal == null
                    ? checkCount(report, line)
                    : Mono.error(RuleViolation.refused("serviceDate", refusal));
        });
    }

    private Mono<Void> checkCount(DeliveryReport report, LineAssignment line) {
        int count = count(report, line);
        if (count > line.remaining()) {
            return Mono.error(RuleViolation.refused(
                    line.serviceType().isTimed() ? "lineId" : "units",
                    "the line planned " + line.quantity() + ", " + line.delivered() + " already delivered; " + count
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

    private Mono<DeliveryView> record(DeliveryReport report, LineAssignment line) {
        Delivery delivery = new Delivery(
                UUID.randomUUID(),
                line.lineId(),
                line.providerId(),
                report.serviceDate(),
                report.startTime(),
                report.endTime(),
                report.units());
        int count = count(report, line);
        Mono<Void> releaseIfDone = count == line.remaining()
                ? assignments
                        .releaseCapacityOfLine(line.lineId())
                        .filter(held -> held)
                        .flatMap(held -> providers.release(line.providerId(), line.serviceType()))
                : Mono.empty();
        return deliveries
                .insert(delivery)
                .then(assignments.addDelivered(line.lineId(), count))
                .then(releaseIfDone)
                .then(outbox.append(delivery.announcement(line)))
                .doOnSuccess(done -> log.info(
                        "Delivery {} on line {} of order {} by {}",
                        delivery.deliveryId(),
                        line.lineId(),
                        line.careOrderId(),
                        line.providerId()))
                .thenReturn(DeliveryView.of(delivery, line));
    }

    /** A visit counts one against the planned visits; units count as many as were delivered. */
    private static int count(DeliveryReport report, LineAssignment line) {
        return line.serviceType().isTimed() ? 1 : report.units();
    }
}
