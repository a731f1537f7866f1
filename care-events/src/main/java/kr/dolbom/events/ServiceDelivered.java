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
 * A provider delivered part of a line, verified by matching (or released by the window). Timed services carry
 * start and end, unit services carry units. The district and income tier travel along so that billing and
 * reporting need no other stream to act on it.
 *
 * @param outcome absent (null) for a service given; {@link DeliveryOutcome#RESIDENT_ABSENT} for an absence that
 *     matching's dated rule pays: the worker came, the resident was not there, and the times are of the attempt,
 *     which may be shorter than a visit. Events written before it existed have none.
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
        @Nullable Integer units,
        @Nullable DeliveryOutcome outcome)
        implements CareEvent {

    public ServiceDelivered {
        if (outcome == DeliveryOutcome.DELIVERED) {
            outcome = null; // one spelling of a service given, the one old events have
        }
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
            Duration length = Duration.between(start, end);
            if (outcome == null) {
                String problem = CareSos.visitLengthProblem(length);
                check(problem == null, "endTime: " + problem);
            } else {
                check(length.compareTo(CareSos.LONGEST_VISIT) <= 0, "endTime: an attempt ends on its day");
            }
        } else {
            check(startTime == null && endTime == null, serviceType + " is reported in units, not times");
            within(present(units, "units"), 1, CareSos.MOST_UNITS_PER_REPORT, "units");
        }
    }

    /** A service given, as every event had it before outcomes were reported. */
    public ServiceDelivered(
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
            @Nullable Integer units) {
        this(
                deliveryId,
                careOrderId,
                lineId,
                serviceType,
                providerId,
                residentRef,
                district,
                incomeTier,
                serviceDate,
                startTime,
                endTime,
                units,
                null);
    }

    /** Whether the service was given, rather than paid for an absence. */
    public boolean given() {
        return outcome == null;
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
