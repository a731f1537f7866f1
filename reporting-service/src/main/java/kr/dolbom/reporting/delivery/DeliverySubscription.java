package kr.dolbom.reporting.delivery;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts deliveries, units, minutes and residents served as providers report them through matching, no longer
 * those the window struck out, and the deliveries held for the window until it releases or rejects them.
 */
@Configuration(proxyBeanMethods = false)
class DeliverySubscription {

    @Bean
    Subscription deliveryEvents(IdempotentConsumers consumers, DeliveryKpiStore kpis) {
        return consumers.subscribe(
                CareTopics.DELIVERIES,
                handling()
                        .on(ServiceDelivered.class, kpis::add)
                        .on(DeliveryVoided.class, kpis::add)
                        .on(DeliveryHeld.class, kpis::add)
                        .on(DeliveryRejected.class, kpis::add));
    }
}
