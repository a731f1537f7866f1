package kr.dolbom.billing.settlement;

import static kr.dolbom.billing.settlement.SettlementState.APPROVED;
import static kr.dolbom.billing.settlement.SettlementState.DRAFT;
import static kr.dolbom.billing.settlement.SettlementState.PAID;
import static kr.dolbom.billing.settlement.SettlementState.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Where a charge counts: its own month while that takes lines, else the provider's next draft, else today's month. */
class SettlementMonthTest {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final YearMonth APRIL = YearMonth.of(2026, 4);
    static final YearMonth MAY = YearMonth.of(2026, 5);

    @Test
    void aChargeCountsInItsOwnMonthWhileThatIsOpen() {
        assertThat(SettlementMonth.of(JANUARY, states(), MARCH)).isEqualTo(JANUARY);
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, DRAFT, FEBRUARY, APPROVED), MARCH))
                .isEqualTo(JANUARY);
    }

    @Test
    void aLateChargeOfAClosedMonthIsAnAdjustmentOfTheNextDraft() {
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, APPROVED, FEBRUARY, DRAFT, MARCH, DRAFT), MARCH))
                .isEqualTo(FEBRUARY);
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, PAID, FEBRUARY, SUBMITTED, MARCH, DRAFT), MAY))
                .isEqualTo(MARCH);
    }

    @Test
    void aSubmittedMonthTakesNoLineEitherSoTheOfficerApprovesWhatTheProviderConfirmed() {
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, SUBMITTED, FEBRUARY, DRAFT), MARCH))
                .isEqualTo(FEBRUARY);
    }

    @Test
    void withoutALaterDraftTheChargeCountsInTheCurrentMonth() {
        // January was approved in March, no February settlement: the March visit of January counts in March
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, APPROVED), MARCH))
                .isEqualTo(MARCH);
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, APPROVED, FEBRUARY, APPROVED), MARCH))
                .isEqualTo(MARCH);
        // and never in a month that takes no lines, nor before the month after its own
        assertThat(SettlementMonth.of(JANUARY, states(JANUARY, APPROVED, MARCH, SUBMITTED, APRIL, APPROVED), MARCH))
                .isEqualTo(MAY);
        assertThat(SettlementMonth.of(MARCH, states(MARCH, APPROVED), MARCH)).isEqualTo(APRIL);
    }

    @Test
    void aMonthWithoutASettlementIsOpenEvenAfterLaterOnesClosed() {
        // nothing was charged in January before February was approved: January is a month of its own
        assertThat(SettlementMonth.of(JANUARY, states(FEBRUARY, APPROVED), MARCH))
                .isEqualTo(JANUARY);
    }

    private static SortedMap<YearMonth, SettlementState> states(Object... monthsAndStates) {
        SortedMap<YearMonth, SettlementState> states = new TreeMap<>();
        for (int i = 0; i < monthsAndStates.length; i += 2) {
            states.put((YearMonth) monthsAndStates[i], (SettlementState) monthsAndStates[i + 1]);
        }
        return states;
    }
}
