package kr.dolbom.intake.order;

import java.time.Instant;
import java.util.function.Consumer;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.RejectedEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/** Follows matching's assignments so that the window sees, per order, who provides each line. */
@Configuration(proxyBeanMethods = false)
class LineAssignments {

    @Bean
    Consumer<Message<byte[]>> assignmentEvents(IdempotentConsumers consumers, CareOrderStore orders) {
        return consumers.consumer("assignmentEvents", EventHandlers.handling()
                .on(LineAssigned.class, (assigned, envelope) -> record(orders, assigned, envelope.time())));
    }

    static Mono<Void> record(CareOrderStore orders, LineAssigned assigned, Instant at) {
        return orders.lock(assigned.careOrderId())
                .switchIfEmpty(Mono.error(() -> new RejectedEventException(
                        "no care order " + assigned.careOrderId() + " for line " + assigned.lineId())))
                .flatMap(order -> {
                    ServiceLine line;
                    try {
                        line = order.assign(assigned.lineId(), new ServiceLine.Assignment(assigned.providerId(),
                                assigned.lastResort(), assigned.assignedOn()));
                    } catch (IllegalStateException refused) {
                        return Mono.error(new RejectedEventException(refused.getMessage()));
                    }
                    return orders.saveAssignment(order, line, at);
                });
    }
}
