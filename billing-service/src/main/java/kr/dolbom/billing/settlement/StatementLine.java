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
 * @param minutes of a timed visit
 * @param units of a counted service (meals, jobs); a timed visit is one unit
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
        long coPayment) {

    public boolean adjustmentOf(YearMonth month) {
        return YearMonth.from(serviceDate).isBefore(month);
    }

    public long quantity() {
        return units == null ? 1 : units;
    }

    /** The price of one unit, when the amount is a whole multiple of it (always, under the seeds' tariffs). */
    public @Nullable Long unitPrice() {
        long quantity = quantity();
        return quantity > 0 && amount % quantity == 0 ? amount / quantity : null;
    }

    Totals totals() {
        return new Totals(1, amount, publicShare, coPayment);
    }
}
