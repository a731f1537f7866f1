package kr.dolbom.matching.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.ServiceType;
import kr.dolbom.events.VoidReason;
import kr.dolbom.matching.assignment.LineAssignment;
import org.jspecify.annotations.Nullable;

/**
 * A recorded delivery as its provider and the window get it back: the report with its id, its line's order and
 * service, where it stands and, for a held one, why.
 */
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
        @Nullable Integer units,
        @Nullable String workerRef,
        @Nullable String place,
        DeliveryOutcome outcome,
        DeliveryStatus status,
        @Nullable DeliveryHoldReason holdReason,
        boolean announced,
        @Nullable String decisionNote,
        @Nullable VoidReason voidReason) {

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
                delivery.units(),
                delivery.workerRef(),
                delivery.place(),
                delivery.outcome(),
                delivery.status(),
                delivery.holdReason(),
                delivery.announced(),
                delivery.decisionNote(),
                delivery.voidReason());
    }
}
