package kr.dolbom.billing.budget;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import kr.dolbom.events.BudgetThresholdReached;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;

/**
 * One version of a program's budget of a district and year, in whole won. A new amount is a new version; the latest
 * is in force.
 */
public record Budget(
        String district,
        int year,
        ServiceType serviceType,
        int version,
        long amount,
        String basis,
        String setBy,
        String setAsRole,
        Instant setAt) {

    public Budget {
        requireYear(year);
        if (amount < 1 || amount > BudgetThresholdReached.LARGEST_BUDGET) {
            throw RuleViolation.invalid(
                    "amount", "must be between 1 and " + BudgetThresholdReached.LARGEST_BUDGET + " won, not " + amount);
        }
        if (version < 1) {
            throw new IllegalArgumentException("budget versions start at 1, not " + version);
        }
    }

    /** The same for every version: the key its warnings are announced under, so that they keep their order. */
    public UUID budgetId() {
        return id(district, year, serviceType);
    }

    static UUID id(String district, int year, ServiceType type) {
        return UUID.nameUUIDFromBytes(
                ("budget/" + district + "/" + year + "/" + type.name()).getBytes(StandardCharsets.UTF_8));
    }

    /** The next version, with its new amount. */
    public Budget next(long newAmount, String newBasis, String by, String asRole, Instant at) {
        return new Budget(district, year, serviceType, version + 1, newAmount, newBasis, by, asRole, at);
    }

    public static int requireYear(int year) {
        if (year < BudgetThresholdReached.FIRST_YEAR || year > BudgetThresholdReached.LAST_YEAR) {
            throw RuleViolation.invalid(
                    "year",
                    "must be between " + BudgetThresholdReached.FIRST_YEAR + " and " + BudgetThresholdReached.LAST_YEAR
                            + ", not " + year);
        }
        return year;
    }
}
