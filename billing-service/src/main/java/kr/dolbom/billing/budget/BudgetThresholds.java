package kr.dolbom.billing.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The warnings of a budget (예산 경고): 80 % and 100 % of it spent. A threshold is reached when the spending is at
 * least that share of the budget, exactly: {@code spent × 100 ≥ budget × threshold}, in integers.
 */
public final class BudgetThresholds {

    /** Of the budget, in per cent, in the order they are reached. */
    public static final List<Integer> THRESHOLDS = List.of(80, 100);

    private BudgetThresholds() {}

    /** The thresholds {@code spent} has reached of {@code budget}. */
    public static List<Integer> reached(long budget, long spent) {
        return THRESHOLDS.stream()
                .filter(threshold -> reaches(budget, spent, threshold))
                .toList();
    }

    /** The thresholds a charge crossed: reached after it, not before it. One charge may cross both. */
    public static List<Integer> crossed(long budget, long spentBefore, long spentAfter) {
        return THRESHOLDS.stream()
                .filter(threshold -> !reaches(budget, spentBefore, threshold) && reaches(budget, spentAfter, threshold))
                .toList();
    }

    static boolean reaches(long budget, long spent, int threshold) {
        // spent ≥ ⌈budget × threshold / 100⌉, with budget × threshold within a long for any budget there may be
        return spent >= (Math.multiplyExact(budget, (long) threshold) + 99) / 100;
    }

    /** The share of the budget spent, as a decimal (0.8 for 80 %), rounded down to four places: never more. */
    public static BigDecimal share(long budget, long spent) {
        return BigDecimal.valueOf(spent).divide(BigDecimal.valueOf(budget), 4, RoundingMode.DOWN);
    }
}
