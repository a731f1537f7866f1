package kr.dolbom.billing.tariff;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A new dated tariff of a district as its billing officer proposes it, before anything is recorded: the fields its
 * pricing needs and no other, every price a whole positive number of won no larger than the largest charge a
 * delivery may have, minutes within a visit's longest (12 hours), bands rising in length and never falling in price.
 * Every fault is named by its field at once, so one answer lists them all.
 *
 * @param validFrom the day it takes effect (적용일); it is in force until the next tariff of its service
 */
public record TariffProposal(
        ServiceType serviceType,
        LocalDate validFrom,
        Pricing pricing,
        @Nullable Integer minimumMinutes,
        @Nullable List<DurationBands.@Nullable Band> bands,
        @Nullable Long rate,
        @Nullable Integer basisMinutes,
        @Nullable Integer stepMinutes,
        @Nullable Long unitPrice) {

    /** A visit lasts at most 12 hours (matching refuses longer reports), so no tariff needs minutes beyond it. */
    public static final int LONGEST_VISIT_MINUTES = 12 * 60;

    /** More bands than quarter hours in a visit would be no tariff anyone publishes. */
    public static final int MOST_BANDS = LONGEST_VISIT_MINUTES / 15;

    /** @throws RuleViolation invalid, naming every field at fault */
    public Tariff tariff(String id) {
        List<Violation> faults = new ArrayList<>();
        if (!pricing.prices(serviceType)) {
            faults.add(new Violation(
                    "pricing",
                    serviceType + " is reported in " + (serviceType.isTimed() ? "minutes" : "units")
                            + ": it cannot be priced by " + pricing));
        }
        switch (pricing) {
            case DURATION_BANDS -> {
                minutes(faults, "minimumMinutes", minimumMinutes);
                bands(faults);
                absent(faults, "rate", rate, "basisMinutes", basisMinutes, "stepMinutes", stepMinutes);
                absent(faults, "unitPrice", unitPrice);
            }
            case TIME_RATE -> {
                price(faults, "rate", rate);
                minutes(faults, "basisMinutes", basisMinutes);
                minutes(faults, "stepMinutes", stepMinutes);
                minutes(faults, "minimumMinutes", minimumMinutes);
                if (stepMinutes != null && minimumMinutes != null && minimumMinutes < stepMinutes) {
                    faults.add(new Violation("minimumMinutes", "must be at least one step of " + stepMinutes));
                }
                absent(faults, "bands", bands);
                absent(faults, "unitPrice", unitPrice);
            }
            case UNIT_PRICE -> {
                price(faults, "unitPrice", unitPrice);
                absent(faults, "minimumMinutes", minimumMinutes, "rate", rate, "basisMinutes", basisMinutes);
                absent(faults, "stepMinutes", stepMinutes, "bands", bands);
            }
        }
        if (!faults.isEmpty()) {
            throw RuleViolation.invalid(faults);
        }
        return switch (pricing) {
            case DURATION_BANDS ->
                new DurationBands(
                        id,
                        serviceType,
                        validFrom,
                        set(minimumMinutes),
                        set(bands).stream().map(TariffProposal::set).toList());
            case TIME_RATE ->
                new TimeRate(
                        id,
                        serviceType,
                        validFrom,
                        set(rate),
                        set(basisMinutes),
                        set(stepMinutes),
                        set(minimumMinutes));
            case UNIT_PRICE -> new UnitPrice(id, serviceType, validFrom, set(unitPrice));
        };
    }

    /**
     * A tariff takes effect after the district's latest closed month (정산 마감), never in or before it: the approval
     * counted every delivery of that month at the old price, and a delivery of it reported late must be priced the
     * same. Past days of an open month are allowed: what was charged stays charged (a charge is never repriced).
     *
     * @param latestClosed the district's latest month with an approved or paid settlement; null when none
     * @throws RuleViolation refused, naming {@code validFrom} and the closed month
     */
    public static void requireAfterClosed(String district, LocalDate validFrom, @Nullable YearMonth latestClosed) {
        if (latestClosed != null && !YearMonth.from(validFrom).isAfter(latestClosed)) {
            throw RuleViolation.refused(
                            "validFrom",
                            "the settlements of " + latestClosed + " in " + district + " are closed: a tariff may take"
                                    + " effect from "
                                    + latestClosed.plusMonths(1).atDay(1) + " on, never in or before"
                                    + " a closed month")
                    .with("closedMonth", latestClosed.toString());
        }
    }

    private void bands(List<Violation> faults) {
        if (bands == null || bands.isEmpty()) {
            faults.add(new Violation("bands", "at least one band is required"));
            return;
        }
        if (bands.size() > MOST_BANDS) {
            faults.add(new Violation("bands", "at most " + MOST_BANDS + " bands"));
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i) == null) {
                faults.add(new Violation("bands[" + i + "]", "is required"));
                return;
            }
        }
        for (int i = 0; i < bands.size(); i++) {
            DurationBands.Band band = set(bands.get(i));
            String at = "bands[" + i + "]";
            minutes(faults, at + ".fromMinutes", band.fromMinutes());
            price(faults, at + ".amount", band.amount());
            if (i > 0) {
                DurationBands.Band shorter = set(bands.get(i - 1));
                if (band.fromMinutes() <= shorter.fromMinutes()) {
                    faults.add(new Violation(
                            at + ".fromMinutes", "must be above the band before it (" + shorter.fromMinutes() + ")"));
                } else if (band.amount() < shorter.amount()) {
                    faults.add(new Violation(
                            at + ".amount",
                            "a longer visit never costs less than a shorter one (" + shorter.amount() + ")"));
                }
            }
        }
        if (minimumMinutes != null && set(bands.get(0)).fromMinutes() > minimumMinutes) {
            faults.add(new Violation(
                    "bands[0].fromMinutes",
                    "must start at or below the minimum of " + minimumMinutes + " minutes, or some billable visits"
                            + " would have no price"));
        }
    }

    private static void price(List<Violation> faults, String field, @Nullable Long won) {
        if (won == null) {
            faults.add(new Violation(field, "is required"));
        } else if (won < 1 || won > DeliveryCharged.LARGEST_CHARGE) {
            faults.add(new Violation(
                    field, "must be a whole number of won between 1 and " + DeliveryCharged.LARGEST_CHARGE));
        }
    }

    private static void minutes(List<Violation> faults, String field, @Nullable Integer minutes) {
        if (minutes == null) {
            faults.add(new Violation(field, "is required"));
        } else if (minutes < 1 || minutes > LONGEST_VISIT_MINUTES) {
            faults.add(new Violation(field, "must be between 1 and " + LONGEST_VISIT_MINUTES + " minutes"));
        }
    }

    /** Pairs of a field's name and its value, each of which this pricing does not take. */
    private void absent(List<Violation> faults, @Nullable Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                faults.add(
                        new Violation(String.valueOf(namesAndValues[i]), "is not a field of " + pricing + " pricing"));
            }
        }
    }

    /** Checked present above. */
    private static <T> T set(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("checked before");
        }
        return value;
    }
}
