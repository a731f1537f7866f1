package kr.dolbom.billing.tariff;

import java.time.LocalDate;
import kr.dolbom.events.ServiceType;

/**
 * Time priced at a rate per basis period (이동지원: 60분 기준 14,800원), billed in whole completed steps: a
 * 50-minute trip with 30-minute steps bills one step, half the hourly rate. Steps that divide the rate
 * unevenly round down to the won, in the user's and the district's favour alike.
 */
public record TimeRate(
        String id,
        ServiceType serviceType,
        LocalDate effectiveFrom,
        long rate,
        int basisMinutes,
        int stepMinutes,
        int minimumMinutes)
        implements Tariff {

    public TimeRate {
        if (basisMinutes <= 0 || stepMinutes <= 0 || minimumMinutes < stepMinutes) {
            throw new IllegalArgumentException(
                    id + ": basis and step must be positive and the minimum at least a step");
        }
    }

    @Override
    public long price(Usage usage) {
        int minutes = Tariff.requireMinutes(this, usage, minimumMinutes);
        long billedMinutes = (long) (minutes / stepMinutes) * stepMinutes;
        return Math.multiplyExact(rate, billedMinutes) / basisMinutes;
    }

    @Override
    public Usage shortestBillable() {
        return Usage.minutes(minimumMinutes);
    }
}
