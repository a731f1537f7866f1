package kr.dolbom.billing.tariff;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import kr.dolbom.events.ServiceType;

/**
 * A price rule for one service, in force from a date until the next tariff of the same service. Amounts
 * are whole won: KRW has no minor unit, and nothing here is ever a floating-point number.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "pricing")
public sealed interface Tariff permits DurationBands, TimeRate, UnitPrice {

    String id();

    ServiceType serviceType();

    LocalDate effectiveFrom();

    /** @throws PricingRefused when the usage cannot be billed under this tariff */
    long price(Usage usage);

    static int requireMinutes(Tariff tariff, Usage usage, int minimum) {
        if (usage.minutes() == null) {
            throw new PricingRefused(tariff.id() + " prices minutes, the delivery gave units");
        }
        if (usage.minutes() < minimum) {
            throw new PricingRefused(tariff.id() + " bills visits of at least " + minimum + " minutes, not "
                    + usage.minutes());
        }
        return usage.minutes();
    }
}
