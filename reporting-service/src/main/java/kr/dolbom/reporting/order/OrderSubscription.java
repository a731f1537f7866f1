package kr.dolbom.reporting.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts orders as intake announces them. The envelope's time is not used: it is when intake published, and a
 * replay must not move an order to another month.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

    @Bean
    Subscription orderEvents(IdempotentConsumers consumers, OrderKpiStore kpis) {
        return consumers.subscribe(
                CareTopics.ORDERS,
                handling()
                        .on(OrderPlaced.class, kpis::addOrder)
                        .on(OrderRejected.class, kpis::addOrder)
                        .on(OrderPutOnHold.class, kpis::addHold)
                        .on(OrderResumed.class, kpis::addResumption)
                        .on(OrderCancelled.class, kpis::addCancellation)
                        .on(OrderCompleted.class, kpis::addCompletion)
                        .on(OrderStarted.class, kpis::addStart));
    }
}
