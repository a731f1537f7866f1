package kr.dolbom.reporting.charge;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sums billing's charges per district (spending) and per provider (to reconcile with the settlement), net of the
 * reversals of voided deliveries' charges.
 */
@Configuration(proxyBeanMethods = false)
class ChargeSubscription {

    @Bean
    Subscription chargeEvents(IdempotentConsumers consumers, ChargeKpiStore kpis) {
        return consumers.subscribe(
                CareTopics.CHARGES,
                handling().on(DeliveryCharged.class, kpis::add).on(ChargeReversed.class, kpis::reverse));
    }
}
