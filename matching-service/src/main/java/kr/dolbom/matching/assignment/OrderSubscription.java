package kr.dolbom.matching.assignment;

import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderIncomeTierChanged;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Placed orders are matched once their care plan is approved (urgent ones as they arrive); a confirmed income tier goes onto the order's lines, which hand it to
 * every later delivery; holds and ends give the providers' capacity back, and approved plans end lines earlier;
 * rejected orders concern matching not at all.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

    @Bean
    Subscription orderEvents(
            IdempotentConsumers consumers, PlanGate gate, AssignmentStore assignments, OrderPauses pauses) {
        return consumers.subscribe(
                CareTopics.ORDERS,
                EventHandlers.handling()
                        .on(OrderPlaced.class, gate::placed)
                        .on(
                                OrderIncomeTierChanged.class,
                                (changed, envelope) -> assignments.changeIncomeTier(
                                        changed.careOrderId(), changed.incomeTier(), changed.effectiveOn()))
                        .on(OrderPutOnHold.class, pauses::held)
                        .on(OrderResumed.class, pauses::resumed)
                        .on(
                                OrderCancelled.class,
                                cancelled -> gate.ended(cancelled.careOrderId()).then(pauses.cancelled(cancelled)))
                        .on(
                                OrderCompleted.class,
                                completed -> gate.ended(completed.careOrderId()).then(pauses.completed(completed)))
                        .on(CarePlanApproved.class, gate::planned));
    }
}
