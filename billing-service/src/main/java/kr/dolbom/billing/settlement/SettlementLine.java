package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One charge as a line of a provider's settlement: the delivery it prices, the day it was delivered (its service
 * month) and who pays what. Counted in its service month while that month is open; otherwise an adjustment of a
 * later month, still naming its own charge, delivery and day. A reversal (청구 취소) is a line of its own too: the
 * negative of the charge it names, with that charge's delivery and day.
 *
 * @param reverses the charge a reversal takes back; null for a charge
 */
public record SettlementLine(
        UUID chargeId,
        UUID deliveryId,
        String district,
        String providerId,
        LocalDate serviceDate,
        long amount,
        long publicShare,
        long coPayment,
        @Nullable UUID reverses) {

    public SettlementLine {
        boolean signed = reverses == null
                ? amount >= 0 && publicShare >= 0 && coPayment >= 0
                : amount <= 0 && publicShare <= 0 && coPayment <= 0;
        if (!signed || publicShare + coPayment != amount) {
            throw new IllegalArgumentException((reverses == null ? "charge " : "reversal ") + chargeId
                    + " does not add up: " + publicShare + " + " + coPayment + " for " + amount);
        }
    }

    /** A charge's line. */
    public SettlementLine(
            UUID chargeId,
            UUID deliveryId,
            String district,
            String providerId,
            LocalDate serviceDate,
            long amount,
            long publicShare,
            long coPayment) {
        this(chargeId, deliveryId, district, providerId, serviceDate, amount, publicShare, coPayment, null);
    }

    public boolean reversal() {
        return reverses != null;
    }

    public YearMonth serviceMonth() {
        return YearMonth.from(serviceDate);
    }
}
