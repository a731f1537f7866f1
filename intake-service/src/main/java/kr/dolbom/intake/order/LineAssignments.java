package kr.dolbom.intake.order;

import java.time.Instant;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineReassigned;
import kr.dolbom.platform.domain.RuleViolation;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Follows matching's assignments so that the window sees, per order, who provides each line. */
@Service
class LineAssignments {

    private final CareOrderStore orders;

    LineAssignments(CareOrderStore orders) {
        this.orders = orders;
    }

    /** The history records the assignment at the time matching made it, not when intake heard of it. */
    Mono<Void> record(LineAssigned assigned, EventEnvelope envelope) {
        Instant at = envelope.time();
        return orders.lock(assigned.careOrderId())
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "careOrderId", "no care order " + assigned.careOrderId() + " for line " + assigned.lineId())))
                .flatMap(order -> {
                    ServiceLine line = order.assign(
                            assigned.lineId(),
                            new ServiceLine.Assignment(
                                    assigned.providerId(), assigned.lastResort(), assigned.assignedOn()));
                    return orders.saveAssignment(order, line, at);
                });
    }

    /** 재배정: the line's provider changes; the history says from whom, to whom and why. */
    Mono<Void> record(LineReassigned reassigned, EventEnvelope envelope) {
        return orders.lock(reassigned.careOrderId())
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "careOrderId",
                        "no care order " + reassigned.careOrderId() + " for line " + reassigned.lineId())))
                .flatMap(order -> {
                    ServiceLine line = order.reassign(
                            reassigned.lineId(),
                            reassigned.fromProviderId(),
                            new ServiceLine.Assignment(
                                    reassigned.toProviderId(), reassigned.lastResort(), reassigned.reassignedOn()));
                    return orders.saveAssignment(
                            order,
                            line,
                            envelope.time(),
                            reassigned.serviceType() + " line reassigned from " + reassigned.fromProviderId()
                                    + " to " + reassigned.toProviderId()
                                    + (reassigned.lastResort() ? " (provider of last resort)" : "") + " ("
                                    + reassigned.cause() + ")");
                });
    }
}
