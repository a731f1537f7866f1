package kr.dolbom.reporting.targets;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import kr.dolbom.platform.domain.RuleViolation;

/**
 * One version of a district's target for a KPI, in force from the first day of {@code validFrom} until a later
 * month's target replaces it. Targets are never edited: a new value for the same month is a newer version ({@code id}
 * greater), and the history keeps who set each and when.
 *
 * @param value a count (meals, households) or whole won, per the KPI's period
 */
public record Target(
        long id,
        String district,
        TargetedKpi kpi,
        YearMonth validFrom,
        long value,
        String setBy,
        String setAsRole,
        Instant setAt) {

    /** A trillion won, or as many meals: well beyond any district's plan, well within a long. */
    public static final long LARGEST = 1_000_000_000_000L;

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    public Target {
        requireValue(value);
        requireMonth("validFrom", validFrom);
    }

    public static long requireValue(long value) {
        if (value < 1 || value > LARGEST) {
            throw RuleViolation.invalid("value", "must be between 1 and " + LARGEST + ", not " + value);
        }
        return value;
    }

    /** YYYY-MM and nothing else: "2026-1", "+12026-01" and "2026-13" are refused naming {@code field}. */
    public static YearMonth month(String field, String text) {
        try {
            return requireMonth(field, YearMonth.parse(text, MONTH));
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid(field, "must be YYYY-MM, from 0001-01 to 9999-12");
        }
    }

    static YearMonth requireMonth(String field, YearMonth month) {
        if (month.getYear() < 1 || month.getYear() > 9999) {
            throw RuleViolation.invalid(field, "must be YYYY-MM, from 0001-01 to 9999-12");
        }
        return month;
    }
}
