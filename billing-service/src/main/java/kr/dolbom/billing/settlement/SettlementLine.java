package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One charge as a line of a provider's settlement: the delivery it prices, the day it was delivered (its service
 * month) and who pays what. Counted in its service month while that month is open; otherwise an adjustment of a
 * later month, still naming its own charge, delivery and day.
 */
public record SettlementLine(
        UUID chargeId,
        UUID deliveryId,
        String district,
        String providerId,
        LocalDate serviceDate,
        long amount,
        long publicShare,
        long coPayment) {

    public SettlementLine {
        if (amount < 0 || publicShare < 0 || coPayment < 0 || publicShare + coPayment != amount) {
            throw new IllegalArgumentException(
                    "charge " + chargeId + " does not add up: " + publicShare + " + " + coPayment + " for " + amount);
        }
    }

    public YearMonth serviceMonth() {
        return YearMonth.from(serviceDate);
    }
}
