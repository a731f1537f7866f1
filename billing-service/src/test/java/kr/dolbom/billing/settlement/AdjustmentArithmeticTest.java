package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** The sums of a month: its lines and adjustments add up to the won, and never overflow. */
class AdjustmentArithmeticTest {

    static final YearMonth JANUARY = YearMonth.of(2026, 1);
    static final YearMonth FEBRUARY = YearMonth.of(2026, 2);

    @Test
    void aLateChargeOfAClosedMonthLandsInTheNextOpenMonthAndTheClosedOneKeepsItsTotal() {
        Settlement january = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", JANUARY);
        january = january.book(Lines.visit(january, LocalDate.of(2026, 1, 5), 38_340));
        january = january.book(Lines.visit(january, LocalDate.of(2026, 1, 19), 0, 48_170));
        Settlement approved = january.submit(FEBRUARY.plusMonths(1)).approve(LocalDate.of(2026, 3, 3));
        Settlement february = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", FEBRUARY);
        february = february.book(Lines.visit(february, LocalDate.of(2026, 2, 2), 22_640));

        SettlementLine late = Lines.visit(february, LocalDate.of(2026, 1, 28), 12_000, 10_640);
        YearMonth where = SettlementMonth.of(
                late.serviceMonth(),
                new TreeMap<>(Map.of(JANUARY, approved.state(), FEBRUARY, february.state())),
                YearMonth.of(2026, 3));
        assertThat(where).isEqualTo(FEBRUARY);
        Settlement adjusted = february.book(late);

        assertThat(approved.total()).isEqualTo(new Totals(2, 86_510, 38_340, 48_170));
        assertThat(adjusted.total()).isEqualTo(new Totals(2, 45_280, 34_640, 10_640));
        assertThat(adjusted.adjustments()).isEqualTo(new Totals(1, 22_640, 12_000, 10_640));
        assertThatThrownBy(() -> approved.book(late))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        refusal -> assertThat(refusal.properties()).containsEntry("state", "APPROVED"));
    }

    @Test
    void theTotalOfAMonthIsTheSumOfItsLines() {
        Settlement march = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", YearMonth.of(2026, 3));
        List<Statement.ServiceTotal> own = new ArrayList<>();
        List<Statement.Adjustment> adjustments = new ArrayList<>();
        int[][] visits = {{2, 38_340, 0}, {15, 0, 56_320}, {31, 7_547, 15_093}}; // day, public share, co-payment
        for (int[] visit : visits) {
            march = march.book(Lines.visit(march, LocalDate.of(2026, 3, visit[0]), visit[1], visit[2]));
        }
        own.add(new Statement.ServiceTotal(
                ServiceType.TEMPORARY_HOME_CARE, 3, 38_340 + 56_320 + 22_640, 38_340 + 7_547, 56_320 + 15_093));
        SettlementLine late = Lines.visit(march, LocalDate.of(2026, 1, 30), 14_800, 0);
        march = march.book(late);
        adjustments.add(new Statement.Adjustment(
                late.chargeId(),
                late.deliveryId(),
                ServiceType.MOBILITY_SUPPORT,
                late.serviceDate(),
                14_800,
                14_800,
                0));
        Statement statement = new Statement(own, adjustments);

        assertThat(statement.total()).isEqualTo(march.total());
        assertThat(statement.adjustmentTotal()).isEqualTo(march.adjustments());
        assertThat(march.total().publicShare() + march.total().coPayment())
                .isEqualTo(march.total().amount());
        assertThat(statement.byService())
                .extracting(Statement.ServiceTotal::serviceType, Statement.ServiceTotal::amount)
                .containsExactly(
                        tuple(ServiceType.MOBILITY_SUPPORT, 14_800L), tuple(ServiceType.TEMPORARY_HOME_CARE, 117_300L));
    }

    @Test
    void aSumBeyondALongIsRefusedNeverWrapped() {
        Totals almostAll = new Totals(1, Long.MAX_VALUE - 10, Long.MAX_VALUE - 10, 0);

        assertThatThrownBy(() -> almostAll.plus(new Totals(1, 11, 11, 0)))
                .isInstanceOfSatisfying(RuleViolation.class, refusal -> {
                    assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.REFUSED);
                    assertThat(refusal.violations())
                            .extracting(RuleViolation.Violation::field)
                            .containsExactly("amount");
                });
        assertThat(almostAll.plus(new Totals(1, 10, 10, 0)).amount()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new Totals(Long.MAX_VALUE, 0, 0, 0).plus(Totals.NONE.plus(new Totals(1, 0, 0, 0))))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aMonthBeyondItsBoundIsRefusedAndKeepsWhatItHad() {
        Settlement huge = new Settlement(
                UUID.randomUUID(),
                "mapo",
                "mapo-homecare-coop",
                JANUARY,
                SettlementState.DRAFT,
                7,
                new Totals(10_000, Settlement.LARGEST_TOTAL - 5, Settlement.LARGEST_TOTAL - 5, 0),
                Totals.NONE,
                null,
                null);

        assertThatThrownBy(() -> huge.book(Lines.visit(huge, LocalDate.of(2026, 1, 2), 6)))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.REFUSED));
        assertThat(huge.book(Lines.visit(huge, LocalDate.of(2026, 1, 2), 5))
                        .total()
                        .amount())
                .isEqualTo(Settlement.LARGEST_TOTAL);
        assertThat(huge.total().amount()).isEqualTo(Settlement.LARGEST_TOTAL - 5);
    }

    @Test
    void aLineNeverCountsInAMonthBeforeItsDelivery() {
        Settlement january = Settlement.open(UUID.randomUUID(), "mapo", "mapo-homecare-coop", JANUARY);

        assertThatThrownBy(() -> january.book(Lines.visit(january, LocalDate.of(2026, 2, 1), 22_640)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
