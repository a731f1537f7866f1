package kr.dolbom.reporting.charge;

import java.util.function.Consumer;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.reporting.EventFigures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Sums billing's charges per district (spending) and per provider (to reconcile with the settlement). */
@Configuration(proxyBeanMethods = false)
class ChargeTally {

    @Bean
    Consumer<Message<byte[]>> chargeEvents(IdempotentConsumers consumers, ChargeKpiStore kpis) {
        return consumers.consumer("chargeEvents", EventHandlers.handling()
                .on(DeliveryCharged.class, (charged, envelope) ->
                        EventFigures.record(() -> ChargeFigures.of(charged), kpis::add)));
    }
}
