package kr.dolbom.matching.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.web.Problems.FieldError;

/**
 * What a delivery report must satisfy on its own, before it is checked against its line: a visit lasts at
 * least 30 minutes (Care SOS: 1회 최소 30분) and at most a working day, starts before it ends within one day,
 * and nothing is reported for a day, or a time of today, that has not come yet.
 */
public final class DeliveryRules {

    public static final Duration SHORTEST_VISIT = Duration.ofMinutes(30);
    public static final Duration LONGEST_VISIT = Duration.ofHours(12);
    public static final int MOST_UNITS_PER_REPORT = 100;

    private DeliveryRules() {
    }

    public static List<FieldError> check(ServiceType type, LocalDate serviceDate, LocalTime start, LocalTime end,
            Integer units, LocalDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = now.toLocalDate();
        if (serviceDate.isAfter(today)) {
            errors.add(new FieldError("serviceDate", "must not be in the future (today is " + today + ")"));
        }
        if (type.isTimed()) {
            if (units != null) {
                errors.add(new FieldError("units", type + " is reported with startTime and endTime, not units"));
            }
            if (start == null) {
                errors.add(new FieldError("startTime", "is required for " + type));
            }
            if (end == null) {
                errors.add(new FieldError("endTime", "is required for " + type));
            }
            if (start != null && end != null) {
                checkVisit(start, end, errors);
                if (serviceDate.equals(today) && end.isAfter(now.toLocalTime())) {
                    errors.add(new FieldError("endTime", "must not be in the future (it is " + now.toLocalTime()
                            .withNano(0) + " now)"));
                }
            }
        } else {
            if (start != null || end != null) {
                errors.add(new FieldError(start != null ? "startTime" : "endTime",
                        type + " is reported in units, not times"));
            }
            if (units == null) {
                errors.add(new FieldError("units", "is required for " + type));
            } else if (units < 1 || units > MOST_UNITS_PER_REPORT) {
                errors.add(new FieldError("units", "must be between 1 and " + MOST_UNITS_PER_REPORT));
            }
        }
        return errors;
    }

    private static void checkVisit(LocalTime start, LocalTime end, List<FieldError> errors) {
        if (!end.isAfter(start)) {
            errors.add(new FieldError("endTime", "must be after startTime (a visit ends on the day it starts)"));
            return;
        }
        Duration length = Duration.between(start, end);
        if (length.compareTo(SHORTEST_VISIT) < 0) {
            errors.add(new FieldError("endTime", "a visit lasts at least " + SHORTEST_VISIT.toMinutes()
                    + " minutes; this one lasted " + length.toMinutes()));
        } else if (length.compareTo(LONGEST_VISIT) > 0) {
            errors.add(new FieldError("endTime", "a visit lasts at most " + LONGEST_VISIT.toHours() + " hours"));
        }
    }
}
