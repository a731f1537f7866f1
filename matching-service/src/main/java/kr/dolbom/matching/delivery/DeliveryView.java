package kr.dolbom.matching.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.assignment.LineAssignment;
import org.jspecify.annotations.Nullable;

/** A recorded delivery as its provider gets it back: the report with its id, its line's order and service. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryView(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        LocalDate serviceDate,
        @Nullable LocalTime startTime,
        @Nullable LocalTime endTime,
        @Nullable Integer units) {

    static DeliveryView of(Delivery delivery, LineAssignment line) {
        return new DeliveryView(
                delivery.deliveryId(),
                line.careOrderId(),
                delivery.lineId(),
                line.serviceType(),
                delivery.providerId(),
                delivery.serviceDate(),
                delivery.startTime(),
                delivery.endTime(),
                delivery.units());
    }
}
