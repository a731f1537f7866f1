package kr.dolbom.matching.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.matching.assignment.LineAssignment;
import org.jspecify.annotations.Nullable;

/** A delivery as recorded: a report checked against its line, under an id of its own. */
record Delivery(
        UUID deliveryId,
        UUID lineId,
        String providerId,
        LocalDate serviceDate,
        @Nullable LocalTime startTime,
        @Nullable LocalTime endTime,
        @Nullable Integer units) {

    /** The line lends the announcement what billing and reporting need to act on it alone. */
    ServiceDelivered announcement(LineAssignment line) {
        return new ServiceDelivered(
                deliveryId,
                line.careOrderId(),
                lineId,
                line.serviceType(),
                providerId,
                line.residentRef(),
                line.district(),
                line.incomeTier(),
                serviceDate,
                startTime,
                endTime,
                units);
    }
}
