package kr.dolbom.reporting.kpi;

import java.time.Clock;
import java.time.LocalDate;
import kr.dolbom.reporting.delivery.DeliveryKpiStore;
import kr.dolbom.reporting.kpi.KpiAnswers.LineQueue;
import kr.dolbom.reporting.order.OrderKpiStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What waits in a district now, for the queue's answer, its workbook and the ops view's stream alike. */
@Component
class LineQueues {

    private final OrderKpiStore orders;
    private final DeliveryKpiStore deliveries;
    /** Seoul's: the queue is dated by the day in Korea, whatever the host's zone. */
    private final Clock clock;

    LineQueues(OrderKpiStore orders, DeliveryKpiStore deliveries, Clock clock) {
        this.orders = orders;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    Mono<LineQueue> now(String district) {
        LocalDate today = LocalDate.now(clock);
        return Mono.zip(
                orders.waiting(district).collectList(),
                deliveries.heldNow(district),
                (waiting, held) -> LineQueue.of(district, today, waiting, held));
    }
}
