package kr.dolbom.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import kr.dolbom.events.BudgetThresholdReached;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/** The warnings of a budget at exactly 80 % and 100 %, in integers. */
class BudgetThresholdsTest {

    @Test
    void eightyPercentIsReachedAtExactlyEightyPercentAndNotOneWonBefore() {
        assertThat(BudgetThresholds.reached(1_000_000, 799_999)).isEmpty();
        assertThat(BudgetThresholds.reached(1_000_000, 800_000)).containsExactly(80);
        assertThat(BudgetThresholds.crossed(1_000_000, 799_999, 800_000)).containsExactly(80);
        assertThat(BudgetThresholds.crossed(1_000_000, 800_000, 800_001)).isEmpty();
    }

    @Test
    void aHundredPercentIsReachedAtTheBudgetItself() {
        assertThat(BudgetThresholds.crossed(1_000_000, 999_999, 1_000_000)).containsExactly(100);
        assertThat(BudgetThresholds.reached(1_000_000, 1_000_000)).containsExactly(80, 100);
        assertThat(BudgetThresholds.crossed(1_000_000, 1_000_000, 1_500_000))
                .as("beyond the budget nothing new is crossed")
                .isEmpty();
    }

    @Test
    void oneChargeMayCrossBoth() {
        assertThat(BudgetThresholds.crossed(100_000, 79_000, 100_000)).containsExactly(80, 100);
        assertThat(BudgetThresholds.crossed(100_000, 0, 1_000_000)).containsExactly(80, 100);
    }

    @Test
    void aBudgetWhoseEightyPercentIsNoWholeWonIsReachedAtTheNextWon() {
        // 80 % of 38,341 is 30,672.8: 30,672 has not reached it, 30,673 has
        assertThat(BudgetThresholds.reached(38_341, 30_672)).isEmpty();
        assertThat(BudgetThresholds.reached(38_341, 30_673)).containsExactly(80);
        // and the event agrees with the rule to the won
        assertThatThrownBy(() -> event(38_341, 30_672)).hasMessageContaining("is not 80 %");
        assertThat(event(38_341, 30_673).spent()).isEqualTo(30_673);
    }

    @Test
    void theLargestBudgetDoesNotOverflow() {
        long largest = BudgetThresholdReached.LARGEST_BUDGET;
        assertThat(BudgetThresholds.reached(largest, largest / 10 * 8)).containsExactly(80);
        assertThat(BudgetThresholds.reached(largest, Long.MAX_VALUE)).containsExactly(80, 100);
    }

    @Test
    void theShareIsRoundedDownSoThatItNeverShowsMoreSpentThanThereIs() {
        assertThat(BudgetThresholds.share(3, 2)).isEqualByComparingTo(new BigDecimal("0.6666"));
        assertThat(BudgetThresholds.share(1_000_000, 1_250_000)).isEqualByComparingTo(new BigDecimal("1.25"));
    }

    @Test
    void aBudgetIsAtLeastOneWonWithinTheYearsBillingKnows() {
        assertThatThrownBy(() -> budget(2026, 0))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.violations())
                                .extracting(RuleViolation.Violation::field)
                                .containsExactly("amount"));
        assertThatThrownBy(() -> budget(2026, -5)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> budget(1999, 1))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.violations())
                                .extracting(RuleViolation.Violation::field)
                                .containsExactly("year"));
        assertThat(budget(2026, 1)
                        .next(2, "raised", "b", "BILLING_OFFICER", Instant.EPOCH)
                        .version())
                .isEqualTo(2);
        assertThat(budget(2026, 1).budgetId())
                .as("one key for every version")
                .isEqualTo(budget(2026, 7).budgetId())
                .isNotEqualTo(budget(2027, 1).budgetId());
    }

    private static Budget budget(int year, long amount) {
        return new Budget(
                "mapo", year, ServiceType.MEAL_SUPPORT, 1, amount, "test", "b", "BILLING_OFFICER", Instant.EPOCH);
    }

    private static BudgetThresholdReached event(long budget, long spent) {
        return new BudgetThresholdReached(
                Budget.id("mapo", 2026, ServiceType.MEAL_SUPPORT),
                "mapo",
                ServiceType.MEAL_SUPPORT,
                2026,
                1,
                80,
                budget,
                spent,
                null,
                java.time.LocalDate.of(2026, 11, 5));
    }
}
