package kr.dolbom.reporting.order;

import java.util.function.Consumer;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.reporting.EventFigures;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Counts orders as intake announces them and lines as matching assigns them. The envelope's time is not
 * used: it is when a service published, and a replay must not move an event to another month.
 */
@Configuration(proxyBeanMethods = false)
class OrderTally {

    @Bean
    Consumer<Message<byte[]>> orderEvents(IdempotentConsumers consumers, OrderKpiStore kpis) {
        return consumers.consumer("orderEvents", EventHandlers.handling()
                .on(OrderPlaced.class, (placed, envelope) ->
                        EventFigures.record(() -> OrderFigures.of(placed), kpis::addOrder))
                .on(OrderRejected.class, (rejected, envelope) ->
                        EventFigures.record(() -> OrderFigures.of(rejected), kpis::addOrder)));
    }

    @Bean
    Consumer<Message<byte[]>> assignmentEvents(IdempotentConsumers consumers, OrderKpiStore kpis) {
        return consumers.consumer("assignmentEvents", EventHandlers.handling()
                .on(LineAssigned.class, (assigned, envelope) ->
                        EventFigures.record(() -> LineFigures.of(assigned), kpis::addLine)));
    }
}
