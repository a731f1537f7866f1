package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * One line of a provider's statement: a charge counted in the month, with what was delivered and who pays what. A
 * line delivered before the month is an adjustment (a late charge of a closed month); it is its own charge, so its
 * charge and delivery are the reference to what it corrects. No resident: billing knows them only by a pseudonym,
 * and a statement needs not even that.
 *
 * <p>A reversal (청구 취소) is a line too: the negative of the charge {@code reverses}, with that charge's delivery,
 * day, minutes and units; its quantity is negative, so that quantity times unit price is still its amount.
 *
 * @param minutes of a timed visit
 * @param units of a counted service (meals, jobs); a timed visit is one unit
 * @param reverses the charge a reversal takes back; null for a charge
 */
public record StatementLine(
        UUID chargeId,
        UUID deliveryId,
        LocalDate serviceDate,
        ServiceType serviceType,
        @Nullable Integer minutes,
        @Nullable Integer units,
        long amount,
        long publicShare,
        long coPayment,
        @Nullable UUID reverses) {

    /** A charge's line. */
    public StatementLine(
            UUID chargeId,
            UUID deliveryId,
            LocalDate serviceDate,
            ServiceType serviceType,
            @Nullable Integer minutes,
            @Nullable Integer units,
            long amount,
            long publicShare,
            long coPayment) {
        this(chargeId, deliveryId, serviceDate, serviceType, minutes, units, amount, publicShare, coPayment, null);
    }

    /** A late charge of an earlier month; a reversal is never an adjustment, whatever its day. */
    public boolean adjustmentOf(YearMonth month) {
        return reverses == null && YearMonth.from(serviceDate).isBefore(month);
    }

    public boolean reversal() {
        return reverses != null;
    }

    public long quantity() {
        long quantity = units == null ? 1 : units;
        return reversal() ? -quantity : quantity;
    }

    /** The price of one unit, when the amount is a whole multiple of it (always, under the seeds' tariffs). */
    public @Nullable Long unitPrice() {
        long quantity = quantity();
        return quantity != 0 && amount % quantity == 0 ? amount / quantity : null;
    }

    Totals totals() {
        return new Totals(1, amount, publicShare, coPayment);
    }
}
