package kr.dolbom.reporting.charge;

import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.reversed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.DeliveryCharged;
import org.junit.jupiter.api.Test;

class ChargeTotalsTest {

    @Test
    void aReversalTakesItsAmountsOffTheMonthOfItsOriginalAndIsCountedApart() {
        // the last day of October, reversed in November: it comes off October, as in billing's books
        DeliveryCharged charge = charged(UUID.randomUUID(), "mapo", "coop", LocalDate.of(2026, 10, 31), 20_000, 2_640);
        ChargeFigures reversal = ChargeFigures.of(reversed(charge));

        assertThat(reversal.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ChargeTotals.of(reversal)).isEqualTo(new ChargeTotals(0, -22_640, -20_000, -2_640, 1, 22_640));
        assertThat(ChargeTotals.of(ChargeFigures.of(charge)).plus(ChargeTotals.of(reversal)))
                .isEqualTo(new ChargeTotals(1, 0, 0, 0, 1, 22_640));
    }
}
