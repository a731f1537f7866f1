package kr.dolbom.billing.charge;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeliverySubscription {

    @Bean
    Subscription deliveryEvents(IdempotentConsumers consumers, DeliveryCharging charging, DeliveryReversal reversals) {
        return consumers.subscribe(
                CareTopics.DELIVERIES,
                handling().on(ServiceDelivered.class, charging::charge).on(DeliveryVoided.class, reversals::reverse));
    }
}
