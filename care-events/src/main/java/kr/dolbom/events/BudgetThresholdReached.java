package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 예산 경고: the public share spent on one program (service) of a district in a year reached a threshold of its
 * budget, 80 % or 100 %, for dashboards to warn about. Announced once per threshold and budget version: a new
 * version of the budget (a raise) arms its thresholds again. Amounts are whole won.
 *
 * @param budgetId the budget of this district, year and program, the same across its versions: the key of its
 *     events
 * @param year the calendar year of the budget; a charge counts in the year of its delivery day
 * @param budgetVersion the version of the budget whose threshold was reached (1, 2, …)
 * @param threshold the percentage of {@code budget} reached, 1 to 100 (billing announces 80 and 100)
 * @param budget the budget's amount in that version
 * @param spent the public share of the year's charges of the program when the threshold was reached: at least
 *     {@code threshold} % of {@code budget}
 * @param chargeId the charge that reached it; none when the budget's new version was reached already when it was set
 * @param reachedOn the Korean day billing recorded it
 */
public record BudgetThresholdReached(
        UUID budgetId,
        String district,
        ServiceType serviceType,
        int year,
        int budgetVersion,
        int threshold,
        long budget,
        long spent,
        @Nullable UUID chargeId,
        LocalDate reachedOn)
        implements CareEvent {

    /** No program's yearly budget is larger (one trillion won): a forged or corrupted amount is refused. */
    public static final long LARGEST_BUDGET = SettlementApproved.LARGEST_TOTAL;

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;

    public BudgetThresholdReached {
        present(budgetId, "budgetId");
        present(district, "district");
        present(serviceType, "serviceType");
        present(reachedOn, "reachedOn");
        within(year, FIRST_YEAR, LAST_YEAR, "year");
        within(budgetVersion, 1, Integer.MAX_VALUE, "budgetVersion");
        within(threshold, 1, 100, "threshold");
        within(budget, 1, LARGEST_BUDGET, "budget");
        within(spent, 0, Long.MAX_VALUE, "spent");
        // spent * 100 >= budget * threshold, said without multiplying spent: budget * threshold fits a long
        check(
                spent >= (budget * threshold + 99) / 100,
                "spent " + spent + " is not " + threshold + " % of the budget " + budget);
    }

    @Override
    public String subject() {
        return budgetId.toString();
    }

    @Override
    public LocalDate businessDate() {
        return reachedOn;
    }
}
