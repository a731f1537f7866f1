package kr.dolbom.billing.tariff;

import org.jspecify.annotations.Nullable;

/** What a delivery used: minutes of a visit, or units (meals, jobs). Exactly one of them is set. */
public record Usage(@Nullable Integer minutes, @Nullable Integer units) {

    public static Usage minutes(int minutes) {
        return new Usage(minutes, null);
    }

    public static Usage units(int units) {
        return new Usage(null, units);
    }
}
