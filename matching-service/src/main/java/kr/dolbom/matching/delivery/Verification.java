package kr.dolbom.matching.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * 방문 검증 (EVV): whether a report that will be paid is verified at once or held for the window, as pure
 * functions of the report and what matching knows of the line, the worker and the calendar. Holding is not
 * refusing: a held delivery is recorded and waits for the window's release or rejection.
 *
 * <p>The first reason that applies wins, in the order of {@link #holdReason}: an overlap is the strongest sign that
 * a visit did not happen as reported, lateness the weakest.
 */
public final class Verification {

    /** A visit longer than half as long again as the line planned is held: 150 planned minutes allow 225. */
    public static final int OVERLONG_PERCENT = 150;

    /**
     * A month's reports are due within this many days after it ends (the district closes the month's settlement in
     * the first week of the next); one reported later is held.
     */
    public static final int LATE_AFTER_MONTH_END_DAYS = 5;

    /**
     * 긴급돌봄 starts on the window's phone call, and the order is registered and matched later, a weekend at most: a
     * delivery may be dated this many days before its line was assigned, never more.
     */
    public static final int DAYS_BEFORE_ASSIGNMENT = 3;

    private Verification() {}

    /** The facts of one report that verification weighs. */
    public record Visit(
            ServiceType serviceType,
            LocalDate serviceDate,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable Integer plannedMinutes) {}

    /**
     * Why the report is held, or null when it is verified.
     *
     * @param workerOverlaps the same worker already has a visit of the provider's at an overlapping time that day
     * @param visitsThatWeek visits of the line counted against its plan in the report's week (Monday to Sunday),
     *     this one not included
     * @param weeklyPace visits a week the plan allows, {@link #weeklyPace}
     */
    public static @Nullable DeliveryHoldReason holdReason(
            Visit visit, boolean workerOverlaps, int visitsThatWeek, int weeklyPace, LocalDate today) {
        if (workerOverlaps) {
            return DeliveryHoldReason.WORKER_OVERLAP;
        }
        LocalTime start = visit.start();
        LocalTime end = visit.end();
        Integer planned = visit.plannedMinutes();
        if (start != null && end != null && planned != null && overlong(Duration.between(start, end), planned)) {
            return DeliveryHoldReason.OVERLONG_VISIT;
        }
        if (visit.serviceType().isTimed() && visitsThatWeek >= weeklyPace) {
            return DeliveryHoldReason.NOT_PLANNED;
        }
        if (late(visit.serviceDate(), today)) {
            return DeliveryHoldReason.LATE_REPORT;
        }
        return null;
    }

    /**
     * The visits a week a line's plan spreads over its period, rounded up: matching keeps no dates of occurrences,
     * only how many visits from when to when. Ten visits over five weeks allow two a week; two over a month, one.
     */
    public static int weeklyPace(int quantity, LocalDate startsOn, LocalDate endsOn) {
        long days = ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
        long pace = (Math.multiplyExact((long) quantity, 7L) + days - 1) / days;
        return (int) Math.max(1, Math.min(pace, quantity));
    }

    /** The Monday that starts the week of {@code day}, the first day {@link #holdReason}'s count covers. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static boolean overlong(Duration length, int plannedMinutes) {
        return length.toMinutes() * 100 > (long) plannedMinutes * OVERLONG_PERCENT;
    }

    static boolean late(LocalDate serviceDate, LocalDate today) {
        LocalDate due = YearMonth.from(serviceDate).atEndOfMonth().plusDays(LATE_AFTER_MONTH_END_DAYS);
        return today.isAfter(due);
    }

    /**
     * What the line refuses outright (422): a day more than {@link #DAYS_BEFORE_ASSIGNMENT} before the line was
     * assigned (a provider cannot have served a line it did not have, and a line is never assigned before its order
     * was requested), and a place other than the resident's dong for a service given at home.
     */
    public static @Nullable Violation refusal(
            ServiceType type, LocalDate serviceDate, @Nullable String place, LocalDate assignedOn, String dong) {
        LocalDate earliest = assignedOn.minusDays(DAYS_BEFORE_ASSIGNMENT);
        if (serviceDate.isBefore(earliest)) {
            return new Violation(
                    "serviceDate",
                    "is before the line was assigned to the provider on " + assignedOn + " (the earliest day is "
                            + earliest + ")");
        }
        if (type != ServiceType.MOBILITY_SUPPORT && place != null && !place.equals(dong)) {
            return new Violation("place", type + " is delivered at the resident's dong " + dong + "; leave it out");
        }
        return null;
    }
}
