package kr.dolbom.reporting.delivery;

import java.util.function.Consumer;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.reporting.EventFigures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Counts deliveries, units, minutes and residents served as providers report them through matching. */
@Configuration(proxyBeanMethods = false)
class DeliveryTally {

    @Bean
    Consumer<Message<byte[]>> deliveryEvents(IdempotentConsumers consumers, DeliveryKpiStore kpis) {
        return consumers.consumer("deliveryEvents", EventHandlers.handling()
                .on(ServiceDelivered.class, (delivered, envelope) ->
                        EventFigures.record(() -> DeliveryFigures.of(delivered), kpis::add)));
    }
}
