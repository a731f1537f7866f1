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
import kr.dolbom.reporting.ReadModelChanges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts orders as intake announces them. The envelope's time is not used: it is when intake published, and a
 * replay must not move an order to another month. The ops view's stream hears of each change once it has committed.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

    @Bean
    Subscription orderEvents(IdempotentConsumers consumers, OrderKpiStore kpis, ReadModelChanges changes) {
        return consumers.subscribe(
                CareTopics.ORDERS,
                handling()
                        .on(OrderPlaced.class, event -> changes.afterCommit(kpis.addOrder(event)))
                        .on(OrderRejected.class, event -> changes.afterCommit(kpis.addOrder(event)))
                        .on(OrderPutOnHold.class, event -> changes.afterCommit(kpis.addHold(event)))
                        .on(OrderResumed.class, event -> changes.afterCommit(kpis.addResumption(event)))
                        .on(OrderCancelled.class, event -> changes.afterCommit(kpis.addCancellation(event)))
                        .on(OrderCompleted.class, event -> changes.afterCommit(kpis.addCompletion(event)))
                        .on(OrderStarted.class, event -> changes.afterCommit(kpis.addStart(event))));
    }
}
