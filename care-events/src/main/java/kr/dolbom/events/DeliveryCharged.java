package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A delivery was priced by the tariff in force on its date; amounts are whole won (KRW has no minor unit).
 *
 * @param settlementMonth the month whose settlement (정산) of the provider counts the charge: the month of the
 *     service date, or for a delivery reported after its month was closed, the later month it is an adjustment of.
 *     Added to version 1 as an optional field: absent in charges announced before it, and readers of version 1
 *     ignore it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        String tariffId,
        @Nullable YearMonth settlementMonth)
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
        check(
                settlementMonth == null || !settlementMonth.isBefore(YearMonth.from(serviceDate)),
                "settlementMonth " + settlementMonth + " is before the month of serviceDate " + serviceDate);
    }

    /** A charge as announced before {@code settlementMonth} existed: it says nothing of its settlement. */
    public DeliveryCharged(
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
            String tariffId) {
        this(
                chargeId,
                deliveryId,
                careOrderId,
                lineId,
                serviceType,
                providerId,
                district,
                serviceDate,
                amount,
                publicShare,
                coPayment,
                tariffId,
                null);
    }

    @Override
    public LocalDate businessDate() {
        return serviceDate;
    }
}
