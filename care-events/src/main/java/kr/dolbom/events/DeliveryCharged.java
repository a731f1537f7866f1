package kr.dolbom.events;

import java.time.LocalDate;
import java.util.UUID;

/** A delivery was priced by the tariff in force on its date; amounts are whole won (KRW has no minor unit). */
public record DeliveryCharged(
        UUID chargeId,
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        String district,
        LocalDate serviceDate,
        long amount,
        long publicShare,
        long coPayment,
        String tariffId) implements CareEvent {
}
