package kr.dolbom.matching.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.CareSos;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * What a delivery report must satisfy on its own, before it is checked against its line: a visit keeps to the
 * Care SOS bounds ({@link CareSos#SHORTEST_VISIT} to {@link CareSos#LONGEST_VISIT}) and ends on the day it
 * starts, and nothing is reported for a day, or a time of today, that has not come yet. An attempt the resident
 * was absent for, or refused at the door, has its times (arrival, departure) but no shortest length.
 */
public final class DeliveryRules {

    /** A mobility trip's destination: a short code or name of the place (병원, 구청), never an address. */
    public static final int LONGEST_PLACE = 40;

    private DeliveryRules() {}

    /**
     * The six elements of a verified visit, as far as the report alone tells: the place is required for mobility
     * support only (the others are delivered at the resident's dong, which the line knows).
     */
    public static List<Violation> check(
            ServiceType type,
            DeliveryOutcome outcome,
            @Nullable String place,
            LocalDate serviceDate,
            @Nullable LocalTime start,
            @Nullable LocalTime end,
            @Nullable Integer units,
            LocalDateTime now) {
        List<Violation> violations = new ArrayList<>();
        if (type == ServiceType.MOBILITY_SUPPORT && (place == null || place.isBlank())) {
            violations.add(new Violation("place", "is required for " + type + ": the trip's destination"));
        }
        LocalDate today = now.toLocalDate();
        if (serviceDate.isAfter(today)) {
            violations.add(new Violation("serviceDate", "must not be in the future (today is " + today + ")"));
        }
        if (type.isTimed()) {
            if (units != null) {
                violations.add(new Violation("units", type + " is reported with startTime and endTime, not units"));
            }
            if (start == null) {
                violations.add(new Violation("startTime", "is required for " + type));
            }
            if (end == null) {
                violations.add(new Violation("endTime", "is required for " + type));
            }
            if (start != null && end != null) {
                checkVisit(start, end, outcome == DeliveryOutcome.DELIVERED, violations);
                if (serviceDate.equals(today) && end.isAfter(now.toLocalTime())) {
                    violations.add(new Violation(
                            "endTime",
                            "must not be in the future (it is "
                                    + now.toLocalTime().withNano(0) + " now)"));
                }
            }
        } else {
            if (start != null || end != null) {
                violations.add(new Violation(
                        start != null ? "startTime" : "endTime", type + " is reported in units, not times"));
            }
            if (units == null) {
                violations.add(new Violation("units", "is required for " + type));
            } else if (units < 1 || units > CareSos.MOST_UNITS_PER_REPORT) {
                violations.add(new Violation("units", "must be between 1 and " + CareSos.MOST_UNITS_PER_REPORT));
            }
        }
        return violations;
    }

    private static void checkVisit(LocalTime start, LocalTime end, boolean given, List<Violation> violations) {
        if (!end.isAfter(start)) {
            violations.add(new Violation("endTime", "must be after startTime (a visit ends on the day it starts)"));
            return;
        }
        if (!given) {
            return; // an attempt at the door: the 12 hours a day allows are all it can take
        }
        String problem = CareSos.visitLengthProblem(Duration.between(start, end));
        if (problem != null) {
            violations.add(new Violation("endTime", problem));
        }
    }
}
