package kr.dolbom.intake.order;

import java.time.Instant;
import kr.dolbom.events.LineAssigned;
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

    Mono<Void> record(LineAssigned assigned, Instant at) {
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
}
