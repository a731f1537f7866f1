package kr.dolbom.billing.charge;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.billing.tariff.Tariff;
import kr.dolbom.billing.tariff.Usage;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.ServiceDelivered;

/** A delivery priced by the tariff in force on its day, with who pays what. */
public record Charge(
        UUID chargeId,
        ServiceDelivered delivery,
        Usage usage,
        long amount,
        FundingPolicy.Split split,
        String tariffId) {

    /** @throws kr.dolbom.billing.tariff.PricingRefused when the tariff cannot price this delivery */
    public static Charge of(ServiceDelivered delivery, Tariff tariff) {
        Usage usage = usage(delivery);
        long amount = tariff.price(usage);
        return new Charge(UUID.randomUUID(), delivery, usage, amount, FundingPolicy.split(amount, delivery.incomeTier()),
                tariff.id());
    }

    static Usage usage(ServiceDelivered delivery) {
        if (delivery.serviceType().isTimed()) {
            return Usage.minutes((int) Duration.between(delivery.startTime(), delivery.endTime()).toMinutes());
        }
        return Usage.units(delivery.units());
    }

    public LocalDate serviceDate() {
        return delivery.serviceDate();
    }

    public DeliveryCharged announcement() {
        return new DeliveryCharged(chargeId, delivery.deliveryId(), delivery.careOrderId(), delivery.lineId(),
                delivery.serviceType(), delivery.providerId(), delivery.district(), delivery.serviceDate(), amount,
                split.publicShare(), split.coPayment(), tariffId);
    }
}
