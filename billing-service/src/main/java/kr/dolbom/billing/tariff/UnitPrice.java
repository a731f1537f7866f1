package kr.dolbom.billing.tariff;

import java.time.LocalDate;
import kr.dolbom.events.ServiceType;

/** A price per unit delivered: a meal, a side-dish box, a repair job. */
public record UnitPrice(String id, ServiceType serviceType, LocalDate effectiveFrom, long unitPrice) implements Tariff {

    @Override
    public long price(Usage usage) {
        Integer units = usage.units();
        if (units == null || units < 1) {
            throw Tariff.refusal(this, "units", "it prices units, the delivery gave " + usage);
        }
        return Math.multiplyExact(unitPrice, units);
    }

    @Override
    public Usage shortestBillable() {
        return Usage.units(1);
    }
}
