package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 검증 보류: a provider reported a delivery that matching did not verify; it waits for the window, unpaid. The
 * window releases it ({@link ServiceDelivered} follows with the same {@code deliveryId}) or rejects it
 * ({@link DeliveryRejected}). No resident or worker travels with it: dashboards only count held deliveries.
 *
 * @param heldOn the Korean day of the report, never before the delivery's own day
 */
public record DeliveryHeld(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        String district,
        LocalDate serviceDate,
        DeliveryHoldReason reason,
        LocalDate heldOn)
        implements CareEvent {

    public DeliveryHeld {
        present(deliveryId, "deliveryId");
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(serviceDate, "serviceDate");
        present(reason, "reason");
        present(heldOn, "heldOn");
        check(!heldOn.isBefore(serviceDate), "heldOn " + heldOn + " is before the delivery's day " + serviceDate);
    }

    @Override
    public LocalDate businessDate() {
        return heldOn;
    }
}
