package kr.dolbom.events;

import static java.util.Objects.requireNonNull;
import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider delivered part of a line. Timed services carry start and end, unit services carry units.
 * The district and income tier travel along so that billing and reporting need no other stream to act on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDelivered(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        UUID residentRef,
        String district,
        IncomeTier incomeTier,
        LocalDate serviceDate,
        @Nullable LocalTime startTime,
        @Nullable LocalTime endTime,
        @Nullable Integer units)
        implements CareEvent {

    public ServiceDelivered {
        present(deliveryId, "deliveryId");
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(residentRef, "residentRef");
        present(district, "district");
        present(incomeTier, "incomeTier");
        present(serviceDate, "serviceDate");
        if (serviceType.isTimed()) {
            LocalTime start = present(startTime, "startTime");
            LocalTime end = present(endTime, "endTime");
            check(units == null, serviceType + " is reported with times, not units");
            check(end.isAfter(start), "endTime " + end + " is not after startTime " + start);
            String problem = CareSos.visitLengthProblem(Duration.between(start, end));
            check(problem == null, "endTime: " + problem);
        } else {
            check(startTime == null && endTime == null, serviceType + " is reported in units, not times");
            within(present(units, "units"), 1, CareSos.MOST_UNITS_PER_REPORT, "units");
        }
    }

    @Override
    public LocalDate businessDate() {
        return serviceDate;
    }

    /** The length of the visit in whole minutes; 0 for services counted in units. */
    public int minutes() {
        // The constructor made sure a timed delivery has both times.
        return serviceType.isTimed() ? CareSos.visitMinutes(requireNonNull(startTime), requireNonNull(endTime)) : 0;
    }
}
