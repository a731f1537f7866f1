package kr.dolbom.billing.tariff;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;

/**
 * A price rule for one service, in force from a date until the next tariff of the same service. Amounts
 * are whole won: KRW has no minor unit, and nothing here is ever a floating-point number.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "pricing")
public sealed interface Tariff permits DurationBands, TimeRate, UnitPrice {

    String id();

    ServiceType serviceType();

    LocalDate effectiveFrom();

    /** @throws RuleViolation refused when the usage cannot be billed under this tariff */
    long price(Usage usage);

    /**
     * The least the tariff bills: its shortest billable visit, or one unit. A paid absence (부재) is priced so: the
     * worker's trip, whatever the attempt's length.
     */
    Usage shortestBillable();

    static int requireMinutes(Tariff tariff, Usage usage, int minimum) {
        Integer minutes = usage.minutes();
        if (minutes == null) {
            throw refusal(tariff, "minutes", "it prices minutes, the delivery gave " + usage.units() + " units");
        }
        if (minutes < minimum) {
            throw refusal(tariff, "minutes", "it bills visits of at least " + minimum + " minutes, not " + minutes);
        }
        return minutes;
    }

    /** Names the service, the tariff and the day it took effect, so the reason stands on its own in a dead letter. */
    static RuleViolation refusal(Tariff tariff, String field, String why) {
        return RuleViolation.refused(
                field,
                tariff.serviceType() + " is not billable under " + tariff.id() + " (in force from "
                        + tariff.effectiveFrom() + "): " + why);
    }
}
