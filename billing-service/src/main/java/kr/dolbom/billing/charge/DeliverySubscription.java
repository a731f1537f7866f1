package kr.dolbom.billing.charge;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.billing.settlement.DeliveryHolds;
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
 * The deliveries stream: each delivery announced is charged, and releases its hold if it was held; a void reverses
 * the charge; a hold is recorded until released or rejected, keeping its provider's months from approval meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class DeliverySubscription {

    @Bean
    Subscription deliveryEvents(
            IdempotentConsumers consumers, DeliveryCharging charging, DeliveryReversal reversals, DeliveryHolds holds) {
        return consumers.subscribe(
                CareTopics.DELIVERIES,
                handling()
                        .on(
                                ServiceDelivered.class,
                                delivered -> charging.charge(delivered).then(holds.released(delivered.deliveryId())))
                        .on(DeliveryVoided.class, reversals::reverse)
                        .on(DeliveryHeld.class, holds::held)
                        .on(DeliveryRejected.class, holds::rejected));
    }
}
