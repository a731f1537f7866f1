package kr.dolbom.events;

import java.time.Duration;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * The Care SOS bounds every service agrees on (서울시 돌봄SOS, 2021): how long a visit may be and how much
 * one report or line may carry. Intake checks plans, matching checks reports and the contracts check events
 * against the same figures.
 */
public final class CareSos {

    /** 1회 최소 30분. As a constant for bean-validation annotations; {@link #SHORTEST_VISIT} elsewhere. */
    public static final int SHORTEST_VISIT_MINUTES = 30;
    /** A working day: a visit ends on the day it starts. */
    public static final int LONGEST_VISIT_MINUTES = 12 * 60;

    public static final Duration SHORTEST_VISIT = Duration.ofMinutes(SHORTEST_VISIT_MINUTES);
    public static final Duration LONGEST_VISIT = Duration.ofMinutes(LONGEST_VISIT_MINUTES);
    /** Visits or units one service line may plan. */
    public static final int MOST_PER_LINE = 1000;
    /** Units (meals, jobs) one delivery report may carry. */
    public static final int MOST_UNITS_PER_REPORT = 100;
    /** 일시재가 연간 최대 60시간: the public purse pays at most this much home care per resident and calendar year. */
    public static final int HOME_CARE_MINUTES_PER_YEAR = 60 * 60;

    private CareSos() {}

    /**
     * The length of a visit in whole minutes. A visit ends on the day it starts, so an end at or before the
     * start is not a visit past midnight but an error.
     *
     * @throws IllegalArgumentException if the visit does not end after it starts
     */
    public static int visitMinutes(LocalTime start, LocalTime end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "a visit from " + start + " to " + end + " does not end after it starts");
        }
        return (int) Duration.between(start, end).toMinutes();
    }

    /** What is wrong with a visit of this length, or null when it is within the bounds. */
    public static @Nullable String visitLengthProblem(Duration length) {
        if (length.compareTo(SHORTEST_VISIT) < 0) {
            return "a visit lasts at least " + SHORTEST_VISIT.toMinutes() + " minutes; this one lasted "
                    + length.toMinutes();
        }
        if (length.compareTo(LONGEST_VISIT) > 0) {
            return "a visit lasts at most " + LONGEST_VISIT.toHours() + " hours";
        }
        return null;
    }
}
