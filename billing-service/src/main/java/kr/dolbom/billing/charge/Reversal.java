package kr.dolbom.billing.charge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.billing.settlement.SettlementLine;
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.VoidReason;

/**
 * 청구 취소: the reversal of a voided delivery's charge, a line of its own that is the exact negative of the charge —
 * amount, public share and co-payment each negated, so the two lines add up to zero in every part and the split is
 * the original's to the won. It counts in the charge's settlement month while that is a draft, else in a later one.
 *
 * @param settlementMonth the month whose settlement counts the reversal; never before the charge's own
 * @param reversedOn the Korean day it was booked
 */
public record Reversal(
        UUID chargeId, Charge original, VoidReason reason, LocalDate reversedOn, YearMonth settlementMonth) {

    public Reversal {
        if (chargeId.equals(original.chargeId())) {
            throw new IllegalArgumentException("a reversal is a line of its own, not charge " + chargeId);
        }
        if (settlementMonth.isBefore(original.settlementMonth())) {
            throw new IllegalArgumentException("the reversal of charge " + original.chargeId() + " counted in "
                    + original.settlementMonth() + " cannot count in " + settlementMonth);
        }
    }

    /** Booked first where the charge counts; {@link #settledIn} moves it on when that month takes no more lines. */
    public static Reversal of(UUID chargeId, Charge original, VoidReason reason, LocalDate reversedOn) {
        return new Reversal(chargeId, original, reason, reversedOn, original.settlementMonth());
    }

    public Reversal settledIn(YearMonth month) {
        return new Reversal(chargeId, original, reason, reversedOn, month);
    }

    public long amount() {
        return Math.negateExact(original.amount());
    }

    public long publicShare() {
        return Math.negateExact(original.split().publicShare());
    }

    public long coPayment() {
        return Math.negateExact(original.split().coPayment());
    }

    /**
     * The minutes given back to the resident's annual cap: all of the visit's, for a capped service. Visits charged
     * after it keep their split; giving the minutes back only lets the next visits use them.
     */
    public int minutesGivenBack() {
        Integer minutes = original.delivery().usage().minutes();
        return Charge.capped(original.delivery().serviceType()) && minutes != null ? minutes : 0;
    }

    public SettlementLine line() {
        Charge.Delivery delivery = original.delivery();
        return new SettlementLine(
                chargeId,
                delivery.deliveryId(),
                delivery.district(),
                delivery.providerId(),
                delivery.serviceDate(),
                amount(),
                publicShare(),
                coPayment(),
                original.chargeId());
    }

    /** What it announces: the amounts taken back as positive won, as the contract has them. */
    public ChargeReversed announcement() {
        Charge.Delivery delivery = original.delivery();
        return new ChargeReversed(
                chargeId,
                original.chargeId(),
                delivery.deliveryId(),
                delivery.careOrderId(),
                delivery.serviceType(),
                delivery.providerId(),
                delivery.district(),
                delivery.serviceDate(),
                original.amount(),
                original.split().publicShare(),
                original.split().coPayment(),
                settlementMonth,
                reason,
                reversedOn);
    }
}
