package kr.dolbom.billing.charge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.billing.funding.FundingRule;
import kr.dolbom.billing.tariff.Tariff;
import kr.dolbom.billing.tariff.Usage;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * A delivery priced by the tariff in force on its day, with who pays what.
 *
 * @param minutesBeyondCap minutes of the visit beyond the resident's annual cap (0 for uncapped services)
 * @param settlementMonth the month whose settlement of the provider counts the charge: the month of its delivery,
 *     or a later one when the delivery's month was closed before it was reported (an adjustment)
 * @param fundingRuleId the funding rule it was split by; null for the charges split before rules were data
 */
public record Charge(
        UUID chargeId,
        Delivery delivery,
        long amount,
        FundingPolicy.Split split,
        String tariffId,
        int minutesBeyondCap,
        YearMonth settlementMonth,
        @Nullable String fundingRuleId) {

    public Charge {
        if (settlementMonth.isBefore(delivery.serviceMonth())) {
            throw new IllegalArgumentException("charge " + chargeId + " of " + delivery.serviceDate()
                    + " cannot count in the settlement of " + settlementMonth);
        }
    }

    /** As much of a delivery as billing keeps: who delivered what to whom, where, on which day, how much of it. */
    public record Delivery(
            UUID deliveryId,
            UUID careOrderId,
            UUID lineId,
            String providerId,
            String district,
            ServiceType serviceType,
            UUID residentRef,
            IncomeTier incomeTier,
            LocalDate serviceDate,
            Usage usage) {

        public YearMonth serviceMonth() {
            return YearMonth.from(serviceDate);
        }

        /** The same delivery, billed as {@code usage} rather than as reported (a paid absence). */
        public Delivery billedAs(Usage billed) {
            return new Delivery(
                    deliveryId,
                    careOrderId,
                    lineId,
                    providerId,
                    district,
                    serviceType,
                    residentRef,
                    incomeTier,
                    serviceDate,
                    billed);
        }
    }

    /** @throws kr.dolbom.platform.domain.RuleViolation when the tariff cannot price this delivery */
    public static Charge of(Delivery delivery, Tariff tariff, FundingRule funding) {
        long amount = tariff.price(delivery.usage());
        return new Charge(
                UUID.randomUUID(),
                delivery,
                amount,
                FundingPolicy.split(amount, funding.publicShare()),
                tariff.id(),
                0,
                delivery.serviceMonth(),
                funding.id());
    }

    /** A visit of a capped service, split against what the resident used of the year's cap before it. */
    public static Charge of(Delivery delivery, Tariff tariff, FundingRule funding, AnnualCap.Use cap) {
        long amount = tariff.price(delivery.usage());
        return new Charge(
                UUID.randomUUID(),
                delivery,
                amount,
                FundingPolicy.split(amount, funding.publicShare(), cap),
                tariff.id(),
                cap.beyondCap(),
                delivery.serviceMonth(),
                funding.id());
    }

    /** The same charge, counted in the settlement of {@code month}. */
    public Charge settledIn(YearMonth month) {
        return new Charge(chargeId, delivery, amount, split, tariffId, minutesBeyondCap, month, fundingRuleId);
    }

    /** Counted in a later month than its delivery's, as that month was closed when it was reported. */
    public boolean adjustment() {
        return settlementMonth.isAfter(delivery.serviceMonth());
    }

    /** 일시재가 counts against the annual cap; other services have none in the seeds. */
    public static boolean capped(ServiceType type) {
        return type == ServiceType.TEMPORARY_HOME_CARE;
    }
}
