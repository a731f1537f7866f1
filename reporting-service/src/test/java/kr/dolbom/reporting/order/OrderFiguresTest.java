package kr.dolbom.reporting.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.reporting.CareEvents;
import org.junit.jupiter.api.Test;

class OrderFiguresTest {

    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @Test
    void aPlacedOrderAddsItselfItsLinesAndItsUrgency() {
        assertThat(OrderFigures.of(CareEvents.placed("mapo", NOV_2, true, 3)))
                .isEqualTo(new OrderFigures("mapo", YearMonth.of(2026, 11), 1, 0, 1, 3));
        assertThat(OrderFigures.of(CareEvents.placed("mapo", NOV_2, false, 1)))
                .isEqualTo(new OrderFigures("mapo", YearMonth.of(2026, 11), 1, 0, 0, 1));
    }

    @Test
    void aRejectedOrderAddsNoLinesToMatch() {
        assertThat(OrderFigures.of(CareEvents.rejected("mapo", NOV_2)))
                .isEqualTo(new OrderFigures("mapo", YearMonth.of(2026, 11), 0, 1, 0, 0));
    }

    @Test
    void anAssignmentToTheProviderOfLastResortCountsAsBoth() {
        assertThat(LineFigures.of(CareEvents.assigned(UUID.randomUUID(), "mapo", NOV_2, true)))
                .isEqualTo(new LineFigures("mapo", YearMonth.of(2026, 11), 1, 1));
        assertThat(LineFigures.of(CareEvents.assigned(UUID.randomUUID(), "mapo", NOV_2, false)))
                .isEqualTo(new LineFigures("mapo", YearMonth.of(2026, 11), 1, 0));
    }

    @Test
    void anOrderWithoutADistrictCannotBeCountedBecauseTheContractRefusesIt() {
        assertThatThrownBy(() -> CareEvents.placed(null, NOV_2, false, 1))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("district is missing");
    }

    @Test
    void theSharesAreComputedFromTheCounts() {
        OrderKpis kpis = OrderKpis.of(10, 2, 3, 8, 6, 2);

        assertThat(kpis.matchRate()).hasToString("0.7500");
        assertThat(kpis.lastResortShare()).hasToString("0.3333");
        assertThat(OrderKpis.of(0, 0, 0, 0, 0, 0).matchRate()).isNull();
        assertThat(OrderKpis.of(0, 0, 0, 0, 0, 0).lastResortShare()).isNull();
    }
}
