package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 검증 반려: the window rejected a held delivery ({@link DeliveryHeld}); it is never paid and its visit or units go
 * back to the line. The window's note stays in matching: it may name a person.
 *
 * @param reason the reason the delivery was held for
 * @param rejectedOn the Korean day of the rejection, never before the delivery's own day
 */
public record DeliveryRejected(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        String district,
        LocalDate serviceDate,
        DeliveryHoldReason reason,
        LocalDate rejectedOn)
        implements CareEvent {

    public DeliveryRejected {
        present(deliveryId, "deliveryId");
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(serviceDate, "serviceDate");
        present(reason, "reason");
        present(rejectedOn, "rejectedOn");
        check(
                !rejectedOn.isBefore(serviceDate),
                "rejectedOn " + rejectedOn + " is before the delivery's day " + serviceDate);
    }

    @Override
    public LocalDate businessDate() {
        return rejectedOn;
    }
}
