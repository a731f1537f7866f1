package kr.dolbom.reporting.order;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;

/** The queue of lines waiting for a provider, and the month by dong, from the orders and assignments streams. */
class ServiceLinesIT extends ReportingIntegrationTest {

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    @Test
    void theQueueHoldsWhatNoProviderHasYetUrgentFirstThenTheLongestWaiting() {
        OrderPlaced old = placed(district, "mangwon1", today.minusDays(9), false, 2);
        OrderPlaced recent = placed(district, "hapjeong", today.minusDays(2), false, 1);
        OrderPlaced urgent = placed(district, "hapjeong", today, true, 3);
        OrderPlaced cancelled = placed(district, "mangwon1", today.minusDays(20), true, 4);
        OrderPlaced completed = placed(district, "mangwon1", today.minusDays(30), false, 1);
        OrderPlaced matchedFirst = placed(district, "mangwon1", today.minusDays(40), false, 1);
        // the assignment may come through before the order it belongs to: the line never waits
        awaitApplied(publish(assigned(matchedFirst, 0, today.minusDays(39), false)));
        awaitApplied(
                publish(matchedFirst),
                publishTwice(old),
                publish(recent),
                publish(urgent),
                publish(cancelled),
                publish(completed),
                publish(assigned(old, 0, today.minusDays(8), false)),
                publish(assigned(urgent, 2, today, true)),
                publish(new OrderCancelled(cancelled.careOrderId(), district, CancelReason.RESIDENT_MOVED, today)),
                publish(new OrderCompleted(completed.careOrderId(), district, today)));

        city().get()
                .uri("/api/v1/kpis/queue?district={d}", district)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.district")
                .isEqualTo(district)
                .jsonPath("$.asOf")
                .isEqualTo(today.toString())
                .jsonPath("$.lines")
                .isEqualTo(4)
                .jsonPath("$.urgent")
                .isEqualTo(2)
                .jsonPath("$.groups.length()")
                .isEqualTo(3)
                .jsonPath("$.groups[0].urgent")
                .isEqualTo(true)
                .jsonPath("$.groups[0].dong")
                .isEqualTo("hapjeong")
                .jsonPath("$.groups[0].serviceType")
                .isEqualTo("MEAL_SUPPORT")
                .jsonPath("$.groups[0].lines")
                .isEqualTo(2)
                .jsonPath("$.groups[0].longestWaitDays")
                .isEqualTo(0)
                .jsonPath("$.groups[1].urgent")
                .isEqualTo(false)
                .jsonPath("$.groups[1].dong")
                .isEqualTo("mangwon1")
                .jsonPath("$.groups[1].lines")
                .isEqualTo(1)
                .jsonPath("$.groups[1].oldestRequestedOn")
                .isEqualTo(today.minusDays(9).toString())
                .jsonPath("$.groups[1].longestWaitDays")
                .isEqualTo(9)
                .jsonPath("$.groups[2].dong")
                .isEqualTo("hapjeong")
                .jsonPath("$.groups[2].longestWaitDays")
                .isEqualTo(2);
    }

    @Test
    void aDistrictWithNothingWaitingHasAnEmptyQueue() {
        city().get()
                .uri("/api/v1/kpis/queue?district={d}", district)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lines")
                .isEqualTo(0)
                .jsonPath("$.groups.length()")
                .isEqualTo(0);
    }

    @Test
    void theMonthByDongCountsLinesRequestedByItsOrdersAndAssignedInIt() {
        LocalDate lastOfOctober = LocalDate.of(2026, 10, 31);
        LocalDate firstOfNovember = LocalDate.of(2026, 11, 1);
        OrderPlaced october = placed(district, "mangwon1", lastOfOctober, false, 2);
        OrderPlaced november = placed(district, "hapjeong", firstOfNovember, false, 3);
        awaitApplied(
                publish(october),
                publish(november),
                publish(placed(district, "seogyo", LocalDate.of(2026, 12, 1), false, 1)),
                // requested in October, matched in November: it raises November's rate, as the district's does
                publish(assigned(october, 0, firstOfNovember, false)),
                publish(assigned(october, 1, lastOfOctober, false)),
                publish(assigned(november, 0, LocalDate.of(2026, 11, 30), false)));

        String answer = text(city().get()
                .uri("/api/v1/kpis/dongs?district={d}&month=2026-11", district)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-11")
                .jsonPath("$.dongs.length()")
                .isEqualTo(2)
                .jsonPath("$.dongs[0].dong")
                .isEqualTo("hapjeong")
                .jsonPath("$.dongs[0].linesRequested")
                .isEqualTo(3)
                .jsonPath("$.dongs[0].linesAssigned")
                .isEqualTo(1)
                .jsonPath("$.dongs[1].dong")
                .isEqualTo("mangwon1")
                .jsonPath("$.dongs[1].linesRequested")
                .isEqualTo(0)
                .jsonPath("$.dongs[1].linesAssigned")
                .isEqualTo(1));
        assertThat(answer).contains("\"matchRate\":0.3333", "\"matchRate\":null");
    }
}
