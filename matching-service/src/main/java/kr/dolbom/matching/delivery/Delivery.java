package kr.dolbom.matching.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.ServiceType;

/** A delivery as recorded: the report, checked, with its id and the line's care order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delivery(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        LocalDate serviceDate,
        LocalTime startTime,
        LocalTime endTime,
        Integer units) {
}
