package kr.dolbom.billing.charge;

import java.util.Objects;
import kr.dolbom.billing.order.OrderPauseStore;
import kr.dolbom.billing.tariff.Tariff;
import kr.dolbom.billing.tariff.TariffStore;
import kr.dolbom.billing.tariff.Usage;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Charges each delivery as it is reported: priced by the tariff in force on its day, split by the
 * resident's income tier, recorded and announced in one transaction. A delivery that cannot be priced
 * is refused with the reason, and so dead-lettered; it is never charged at zero.
 */
@Service
class DeliveryCharging {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCharging.class);

    private final TariffStore tariffs;
    private final ChargeStore charges;
    private final OrderPauseStore pauses;
    private final CareHoursLedger ledger;
    private final Outbox outbox;

    DeliveryCharging(
            TariffStore tariffs, ChargeStore charges, OrderPauseStore pauses, CareHoursLedger ledger, Outbox outbox) {
        this.tariffs = tariffs;
        this.charges = charges;
        this.pauses = pauses;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /**
     * A delivery dated in a hold of its order or from its end on is refused (dead-lettered with the reason):
     * matching refuses such reports, so one arriving here was reported before matching heard of the hold.
     */
    Mono<Void> charge(ServiceDelivered delivered) {
        Charge.Delivery delivery = delivery(delivered);
        return pauses.of(delivery.careOrderId())
                .flatMap(pause -> {
                    String refusal = pause.refusal(delivery.serviceDate());
                    return refusal == null
                            ? Mono.empty()
                            : Mono.error(RuleViolation.refused(
                                    "serviceDate",
                                    "delivery " + delivery.deliveryId() + " is not charged: " + refusal));
                })
                .then(Mono.defer(() -> tariffs.inForce(delivery.serviceType(), delivery.serviceDate())))
                .flatMap(tariff -> Charge.capped(delivery.serviceType())
                        ? chargeAgainstTheCap(delivery, tariff)
                        : record(Charge.of(delivery, tariff)).then());
    }

    /**
     * Priced against the resident's year under the ledger's lock; the ledger grows only by a charge that was
     * recorded, so a delivery heard twice counts once.
     */
    private Mono<Void> chargeAgainstTheCap(Charge.Delivery delivery, Tariff tariff) {
        int year = delivery.serviceDate().getYear();
        int minutes = Objects.requireNonNull(delivery.usage().minutes(), "a capped service is timed");
        return charges.ofDelivery(delivery.deliveryId())
                .hasElement()
                .flatMap(charged -> charged
                        ? Mono.empty()
                        : ledger.lock(delivery.residentRef(), year).flatMap(used -> {
                            Charge charge = Charge.of(delivery, tariff, AnnualCap.of(used, minutes));
                            return record(charge)
                                    .filter(recorded -> recorded)
                                    .flatMap(recorded -> ledger.add(delivery.residentRef(), year, minutes));
                        }));
    }

    /** True when recorded now; false when the delivery was charged already. */
    private Mono<Boolean> record(Charge charge) {
        return charges.insert(charge)
                .flatMap(inserted -> inserted ? announce(charge).thenReturn(true) : Mono.just(false));
    }

    private Mono<Void> announce(Charge charge) {
        return outbox.append(announcement(charge))
                .doOnSuccess(done -> log.info(
                        "Delivery {} charged {} KRW (public {}, co-payment {}) under {}{}",
                        charge.delivery().deliveryId(),
                        charge.amount(),
                        charge.split().publicShare(),
                        charge.split().coPayment(),
                        charge.tariffId(),
                        charge.minutesBeyondCap() == 0
                                ? ""
                                : ", " + charge.minutesBeyondCap() + " min beyond the annual cap"));
    }

    private static Charge.Delivery delivery(ServiceDelivered delivered) {
        // The contract guarantees times for timed services and units for the others.
        Usage usage = delivered.serviceType().isTimed()
                ? Usage.minutes(delivered.minutes())
                : Usage.units(Objects.requireNonNull(delivered.units()));
        return new Charge.Delivery(
                delivered.deliveryId(),
                delivered.careOrderId(),
                delivered.lineId(),
                delivered.providerId(),
                delivered.district(),
                delivered.serviceType(),
                delivered.residentRef(),
                delivered.incomeTier(),
                delivered.serviceDate(),
                usage);
    }

    private static DeliveryCharged announcement(Charge charge) {
        Charge.Delivery delivery = charge.delivery();
        return new DeliveryCharged(
                charge.chargeId(),
                delivery.deliveryId(),
                delivery.careOrderId(),
                delivery.lineId(),
                delivery.serviceType(),
                delivery.providerId(),
                delivery.district(),
                delivery.serviceDate(),
                charge.amount(),
                charge.split().publicShare(),
                charge.split().coPayment(),
                charge.tariffId());
    }
}
