package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** A reversal's line in the books: where it counts, what it does to a month's sums, and the month it may not close. */
class ReversalBookingTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    @Test
    void aReversalInItsChargesDraftTakesTheChargeOutOfTheMonthToTheWon() {
        Settlement march = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", MARCH);
        SettlementLine charge = Lines.visit(march, MARCH.atDay(4), 12_000, 10_640);
        march = march.book(charge).book(Lines.visit(march, MARCH.atDay(5), 38_340));

        Settlement reversed = march.book(reversalOf(charge));

        assertThat(reversed.total()).isEqualTo(new Totals(3, 38_340, 38_340, 0));
        assertThat(reversed.reversals()).isEqualTo(new Totals(1, -22_640, -12_000, -10_640));
        assertThat(reversed.adjustments()).as("a reversal is no late charge").isEqualTo(Totals.NONE);
        assertThat(reversed.submit(APRIL).approve(APRIL.atDay(2)).approval().amount())
                .isEqualTo(38_340);
    }

    @Test
    void aReversalOfAClosedMonthsChargeCountsInTheNextOpenMonthAndTheClosedMonthKeepsItsTotal() {
        YearMonth where = SettlementMonth.of(
                MARCH,
                new TreeMap<>(Map.of(MARCH, SettlementState.APPROVED, APRIL, SettlementState.DRAFT)),
                YearMonth.of(2026, 5));
        assertThat(where).isEqualTo(APRIL);

        Settlement april = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", APRIL);
        april = april.book(Lines.visit(april, APRIL.atDay(1), 56_320));
        SettlementLine lateCharge = Lines.visit(april, MARCH.atDay(30), 22_640);
        april = april.book(lateCharge);
        Settlement reversed = april.book(reversalOf(Lines.visit(april, MARCH.atDay(4), 38_340)));

        assertThat(reversed.total()).isEqualTo(new Totals(3, 40_620, 40_620, 0));
        assertThat(reversed.adjustments()).isEqualTo(new Totals(1, 22_640, 22_640, 0));
        assertThat(reversed.reversals()).isEqualTo(new Totals(1, -38_340, -38_340, 0));

        Statement statement = new Statement(
                List.of(new Statement.ServiceTotal(ServiceType.TEMPORARY_HOME_CARE, 1, 56_320, 56_320, 0)),
                List.of(new Statement.Adjustment(
                        lateCharge.chargeId(),
                        lateCharge.deliveryId(),
                        ServiceType.TEMPORARY_HOME_CARE,
                        MARCH.atDay(30),
                        22_640,
                        22_640,
                        0)),
                List.of(new Statement.Reversal(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        ServiceType.TEMPORARY_HOME_CARE,
                        MARCH.atDay(4),
                        -38_340,
                        -38_340,
                        0)));
        assertThat(statement.total()).as("Σ lines = total").isEqualTo(reversed.total());
        assertThat(statement.reversalTotal()).isEqualTo(reversed.reversals());
    }

    @Test
    void aMonthWhoseReversalsTakeBackMoreThanItsOwnChargesAddIsNotSubmittedAndStaysOpen() {
        Settlement april = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", APRIL);
        april = april.book(Lines.visit(april, APRIL.atDay(1), 22_640));
        Settlement negative = april.book(reversalOf(Lines.visit(april, MARCH.atDay(4), 38_340)));
        assertThat(negative.total().amount()).isEqualTo(-15_700);

        assertThatThrownBy(() -> negative.submit(YearMonth.of(2026, 5)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        refusal -> assertThat(refusal.violations())
                                .extracting(RuleViolation.Violation::field)
                                .containsExactly("amount"));
        Settlement caughtUp = negative.book(Lines.visit(negative, APRIL.atDay(30), 56_320));
        assertThat(caughtUp.submit(YearMonth.of(2026, 5)).state()).isEqualTo(SettlementState.SUBMITTED);
    }

    @Test
    void aReversalLineIsNegativeAndAChargeLineNeverIs() {
        assertThatThrownBy(() -> new SettlementLine(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        "mapo",
                        "p",
                        MARCH.atDay(1),
                        22_640,
                        22_640,
                        0,
                        UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettlementLine(
                        UUID.randomUUID(), UUID.randomUUID(), "mapo", "p", MARCH.atDay(1), -1, -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Totals(0, Long.MIN_VALUE, Long.MIN_VALUE, -1))
                .as("an overflowing sum is refused, never wrapped")
                .isInstanceOf(ArithmeticException.class);
    }

    private static SettlementLine reversalOf(SettlementLine charge) {
        return new SettlementLine(
                UUID.randomUUID(),
                charge.deliveryId(),
                charge.district(),
                charge.providerId(),
                charge.serviceDate(),
                -charge.amount(),
                -charge.publicShare(),
                -charge.coPayment(),
                charge.chargeId());
    }
}
