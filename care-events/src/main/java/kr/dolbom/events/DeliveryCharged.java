package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

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
        String tariffId)
        implements CareEvent {

    /**
     * No single delivery costs more than this (100 million won): a bound far above any tariff times the
     * largest report, so that a forged or corrupted amount cannot reach the books.
     */
    public static final long LARGEST_CHARGE = 100_000_000L;

    public DeliveryCharged {
        present(chargeId, "chargeId");
        present(deliveryId, "deliveryId");
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(serviceDate, "serviceDate");
        present(tariffId, "tariffId");
        within(amount, 0, LARGEST_CHARGE, "amount");
        within(publicShare, 0, amount, "publicShare");
        within(coPayment, 0, amount, "coPayment");
        check(
                publicShare + coPayment == amount,
                "publicShare " + publicShare + " + coPayment " + coPayment + " is not the amount " + amount);
    }

    @Override
    public LocalDate businessDate() {
        return serviceDate;
    }
}
