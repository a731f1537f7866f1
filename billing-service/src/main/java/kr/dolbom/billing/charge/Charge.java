package kr.dolbom.billing.charge;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.billing.tariff.Tariff;
import kr.dolbom.billing.tariff.Usage;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;

/** A delivery priced by the tariff in force on its day, with who pays what. */
public record Charge(UUID chargeId, Delivery delivery, long amount, FundingPolicy.Split split, String tariffId) {

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
            Usage usage) {}

    /** @throws kr.dolbom.platform.domain.RuleViolation when the tariff cannot price this delivery */
    public static Charge of(Delivery delivery, Tariff tariff) {
        long amount = tariff.price(delivery.usage());
        return new Charge(
                UUID.randomUUID(), delivery, amount, FundingPolicy.split(amount, delivery.incomeTier()), tariff.id());
    }
}
