package kr.dolbom.reporting.charge;

import java.time.YearMonth;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.reporting.ReportingMonth;

/**
 * What one priced delivery adds to its district's and its provider's month, in whole won. The amounts are
 * summed as billing sent them, without checking them again: the figures must reconcile with billing's, even
 * where billing is wrong.
 */
public record ChargeFigures(
        String district, String providerId, YearMonth month, long amount, long publicShare, long coPayment) {

    public static ChargeFigures of(DeliveryCharged charged) {
        return new ChargeFigures(
                charged.district(),
                charged.providerId(),
                ReportingMonth.of(charged),
                charged.amount(),
                charged.publicShare(),
                charged.coPayment());
    }
}
