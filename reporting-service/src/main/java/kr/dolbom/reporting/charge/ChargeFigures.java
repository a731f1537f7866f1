package kr.dolbom.reporting.charge;

import java.time.YearMonth;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.reporting.ReportingMonth;

/**
 * What one priced delivery adds to its district's and its provider's month, in whole won, or what one reversal
 * takes off the month its original counts in (the voided delivery's service date). The amounts are summed as
 * billing sent them, without checking them again: the figures must reconcile with billing's, even where billing is
 * wrong.
 *
 * @param reversal whether it takes back a charge; its amounts are then positive, what is taken back
 */
public record ChargeFigures(
        String district,
        String providerId,
        YearMonth month,
        long amount,
        long publicShare,
        long coPayment,
        boolean reversal) {

    public static ChargeFigures of(DeliveryCharged charged) {
        return new ChargeFigures(
                charged.district(),
                charged.providerId(),
                ReportingMonth.of(charged),
                charged.amount(),
                charged.publicShare(),
                charged.coPayment(),
                false);
    }

    public static ChargeFigures of(ChargeReversed reversed) {
        return new ChargeFigures(
                reversed.district(),
                reversed.providerId(),
                ReportingMonth.of(reversed),
                reversed.amount(),
                reversed.publicShare(),
                reversed.coPayment(),
                true);
    }

    /** A charge or a reversal; no other event of the charges stream has figures. */
    public static ChargeFigures of(CareEvent event) {
        if (event instanceof DeliveryCharged charged) {
            return of(charged);
        }
        if (event instanceof ChargeReversed reversed) {
            return of(reversed);
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a charge");
    }
}
