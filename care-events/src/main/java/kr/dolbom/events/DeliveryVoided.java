package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 제공 취소: the window struck out a delivery announced earlier ({@link ServiceDelivered}). The delivery stays on
 * record in matching with the reason; billing reverses its charge (in the next open month when the delivery's month
 * is closed), reporting stops counting it.
 *
 * @param voidedOn the Korean day of the void, never before the delivery's own day
 */
public record DeliveryVoided(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        String district,
        LocalDate serviceDate,
        VoidReason reason,
        LocalDate voidedOn)
        implements CareEvent {

    public DeliveryVoided {
        present(deliveryId, "deliveryId");
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(serviceDate, "serviceDate");
        present(reason, "reason");
        present(voidedOn, "voidedOn");
        check(!voidedOn.isBefore(serviceDate), "voidedOn " + voidedOn + " is before the delivery's day " + serviceDate);
    }

    @Override
    public LocalDate businessDate() {
        return voidedOn;
    }
}
