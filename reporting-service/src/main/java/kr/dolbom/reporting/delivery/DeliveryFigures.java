package kr.dolbom.reporting.delivery;

import static kr.dolbom.reporting.EventFigures.required;

import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;

/**
 * What one delivery (서비스 제공) adds to its district's month: one delivery, and its units (meals, repair jobs)
 * or its minutes (timed visits), and the resident it served.
 */
public record DeliveryFigures(String district, YearMonth month, ServiceType serviceType, UUID residentRef,
        long units, long minutes) {

    /**
     * @throws IllegalArgumentException if the delivery lacks what its service is measured in
     */
    public static DeliveryFigures of(ServiceDelivered delivered) {
        ServiceType type = required(delivered.serviceType(), "serviceType");
        long units = 0;
        long minutes = 0;
        if (type.isTimed()) {
            minutes = minutes(required(delivered.startTime(), "startTime"), required(delivered.endTime(), "endTime"));
        } else {
            units = required(delivered.units(), "units");
            if (units < 1) {
                throw new IllegalArgumentException("units must be at least 1, not " + units);
            }
        }
        return new DeliveryFigures(required(delivered.district(), "district"), ReportingMonth.of(delivered), type,
                required(delivered.residentRef(), "residentRef"), units, minutes);
    }

    /**
     * The length of a visit in whole minutes. A visit ends on the day it starts (matching refuses any other
     * report), so an end at or before the start is an error, not a visit past midnight.
     */
    public static long minutes(LocalTime start, LocalTime end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a visit from " + start + " to " + end + " does not end after it starts");
        }
        return Duration.between(start, end).toMinutes();
    }
}
