package kr.dolbom.reporting.charge;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sums billing's charges per district (spending) and per provider (to reconcile with the settlement). */
@Configuration(proxyBeanMethods = false)
class ChargeSubscription {

    @Bean
    Subscription chargeEvents(IdempotentConsumers consumers, ChargeKpiStore kpis) {
        return consumers.subscribe(
                CareTopics.CHARGES,
                EventHandlers.handling()
                        .on(DeliveryCharged.class, (charged, envelope) -> kpis.add(ChargeFigures.of(charged))));
    }
}
