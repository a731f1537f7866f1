package kr.dolbom.reporting.delivery;

import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;

/**
 * What one delivery (서비스 제공) adds to its district's month: one delivery, and its units (meals, repair jobs)
 * or its minutes (timed visits), and the resident it served.
 */
public record DeliveryFigures(
        String district, YearMonth month, ServiceType serviceType, UUID residentRef, long units, long minutes) {

    public static DeliveryFigures of(ServiceDelivered delivered) {
        long units = delivered.serviceType().isTimed() ? 0 : delivered.units();
        return new DeliveryFigures(
                delivered.district(),
                ReportingMonth.of(delivered),
                delivered.serviceType(),
                delivered.residentRef(),
                units,
                delivered.minutes());
    }
}
