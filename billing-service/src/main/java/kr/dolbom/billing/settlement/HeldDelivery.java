package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.ServiceType;

/**
 * 검증 보류: a delivery of a provider that matching could not verify and holds for the window, neither released nor
 * rejected yet. It is not charged and counts in no total: its month's statement lists it apart, and while it is open
 * it keeps its provider's months from its service month on from being approved ({@link HoldPolicy}).
 *
 * @param heldOn the Korean day matching held it
 */
public record HeldDelivery(
        UUID deliveryId,
        String district,
        String providerId,
        ServiceType serviceType,
        LocalDate serviceDate,
        DeliveryHoldReason reason,
        LocalDate heldOn) {

    public HeldDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(serviceDate, "serviceDate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(heldOn, "heldOn");
    }

    public YearMonth serviceMonth() {
        return YearMonth.from(serviceDate);
    }
}
