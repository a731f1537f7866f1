package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * 청구 취소: billing took back the charge of a voided delivery ({@link DeliveryVoided}) with a line of its own. The
 * amounts are what is taken back, as positive won and split exactly as the original was; a reader subtracts them
 * (in the provider's books the line is negative). The original charge and its {@link DeliveryCharged} stay as they
 * were.
 *
 * @param chargeId the reversal's own line
 * @param originalChargeId the charge it takes back
 * @param serviceDate the voided delivery's day: the day the original charge counts on
 * @param settlementMonth the month whose settlement of the provider counts the reversal: the original's while that
 *     month is still a draft, else the provider's next month that takes lines
 * @param reversedOn the Korean day billing booked the reversal
 */
public record ChargeReversed(
        UUID chargeId,
        UUID originalChargeId,
        UUID deliveryId,
        UUID careOrderId,
        ServiceType serviceType,
        String providerId,
        String district,
        LocalDate serviceDate,
        long amount,
        long publicShare,
        long coPayment,
        YearMonth settlementMonth,
        VoidReason reason,
        LocalDate reversedOn)
        implements CareEvent {

    public ChargeReversed {
        present(chargeId, "chargeId");
        present(originalChargeId, "originalChargeId");
        present(deliveryId, "deliveryId");
        present(careOrderId, "careOrderId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(serviceDate, "serviceDate");
        present(settlementMonth, "settlementMonth");
        present(reason, "reason");
        present(reversedOn, "reversedOn");
        check(!chargeId.equals(originalChargeId), "a reversal is a line of its own, not charge " + originalChargeId);
        within(amount, 0, DeliveryCharged.LARGEST_CHARGE, "amount");
        within(publicShare, 0, amount, "publicShare");
        within(coPayment, 0, amount, "coPayment");
        check(
                publicShare + coPayment == amount,
                "publicShare " + publicShare + " + coPayment " + coPayment + " is not the amount " + amount);
        check(
                !settlementMonth.isBefore(YearMonth.from(serviceDate)),
                "settlementMonth " + settlementMonth + " is before the month of serviceDate " + serviceDate);
    }

    @Override
    public LocalDate businessDate() {
        return serviceDate;
    }
}
