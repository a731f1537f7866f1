package kr.dolbom.matching.assignment;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.OrderIncomeTierChanged;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Placed orders are matched as they arrive; a confirmed income tier goes onto the order's lines, which hand it to
 * every later delivery; rejected orders concern matching not at all.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

    @Bean
    Subscription orderEvents(IdempotentConsumers consumers, LineMatching matching, AssignmentStore assignments) {
        return consumers.subscribe(
                CareTopics.ORDERS,
                EventHandlers.handling()
                        .on(OrderPlaced.class, (placed, envelope) -> matching.assign(placed))
                        .on(
                                OrderIncomeTierChanged.class,
                                (changed, envelope) -> assignments.changeIncomeTier(
                                        changed.careOrderId(), changed.incomeTier(), changed.effectiveOn())));
    }
}
