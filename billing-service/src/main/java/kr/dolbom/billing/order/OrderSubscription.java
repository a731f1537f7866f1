package kr.dolbom.billing.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Orders' holds and ends; placements and tiers reach billing on each delivery, so billing ignores them. */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

    @Bean
    Subscription orderEvents(IdempotentConsumers consumers, OrderPauseStore pauses) {
        return consumers.subscribe(
                CareTopics.ORDERS,
                handling()
                        .on(
                                OrderPutOnHold.class,
                                held -> pauses.hold(
                                        held.careOrderId(),
                                        held.from(),
                                        held.reason().name()))
                        .on(OrderResumed.class, resumed -> pauses.resume(resumed.careOrderId(), resumed.on()))
                        .on(
                                OrderCancelled.class,
                                cancelled -> pauses.end(
                                        cancelled.careOrderId(),
                                        cancelled.on(),
                                        cancelled.reason().name()))
                        .on(
                                OrderCompleted.class,
                                completed -> pauses.end(completed.careOrderId(), completed.on(), "COMPLETED")));
    }
}
