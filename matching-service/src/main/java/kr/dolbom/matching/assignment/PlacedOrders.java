package kr.dolbom.matching.assignment;

import java.util.function.Consumer;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Placed orders are matched as they arrive; rejected ones concern matching not at all. */
@Configuration(proxyBeanMethods = false)
class PlacedOrders {

    @Bean
    Consumer<Message<byte[]>> orderEvents(IdempotentConsumers consumers, LineMatching matching) {
        return consumers.consumer("orderEvents", EventHandlers.handling()
                .on(OrderPlaced.class, (placed, envelope) -> matching.assign(placed)));
    }
}
