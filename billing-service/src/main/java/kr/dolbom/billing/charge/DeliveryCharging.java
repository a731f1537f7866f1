package kr.dolbom.billing.charge;

import java.util.Objects;
import kr.dolbom.billing.budget.Budgets;
import kr.dolbom.billing.funding.FundingRule;
import kr.dolbom.billing.funding.FundingRuleStore;
import kr.dolbom.billing.order.OrderPauseStore;
import kr.dolbom.billing.settlement.SettlementBooking;
import kr.dolbom.billing.settlement.SettlementLine;
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
 * Charges each delivery as it is reported: priced by the tariff in force on its day, split by the funding rule in
 * force on its day for its program and the resident's income tier, booked in its provider's settlement, counted
 * against its program's budget, recorded and announced in one transaction. A delivery that cannot be priced is
 * refused with the reason, and so dead-lettered; it is never charged at zero.
 */
@Service
class DeliveryCharging {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCharging.class);

    private final TariffStore tariffs;
    private final FundingRuleStore fundingRules;
    private final Budgets budgets;
    private final ChargeStore charges;
    private final OrderPauseStore pauses;
    private final CareHoursLedger ledger;
    private final SettlementBooking settlements;
    private final VoidStore voids;
    private final Outbox outbox;

    DeliveryCharging(
            TariffStore tariffs,
            FundingRuleStore fundingRules,
            Budgets budgets,
            ChargeStore charges,
            OrderPauseStore pauses,
            CareHoursLedger ledger,
            SettlementBooking settlements,
            VoidStore voids,
            Outbox outbox) {
        this.tariffs = tariffs;
        this.fundingRules = fundingRules;
        this.budgets = budgets;
        this.charges = charges;
        this.pauses = pauses;
        this.ledger = ledger;
        this.settlements = settlements;
        this.voids = voids;
        this.outbox = outbox;
    }

    /**
     * A delivery dated in a hold of its order or from its end on is refused (dead-lettered with the reason):
     * matching refuses such reports, so one arriving here was reported before matching heard of the hold. A delivery
     * whose void was heard first is not charged at all.
     */
    Mono<Void> charge(ServiceDelivered delivered) {
        Charge.Delivery delivery = delivery(delivered);
        // looked at again under the settlements' lock (in record): this look only spares a voided delivery's pricing
        return voids.voided(delivery.deliveryId())
                .flatMap(voided -> voided ? notCharged(delivery) : price(delivery, delivered.given()));
    }

    private Mono<Void> notCharged(Charge.Delivery delivery) {
        log.info("Delivery {} was voided before it was heard: it is not charged", delivery.deliveryId());
        return Mono.empty();
    }

    /**
     * A paid absence (부재, paid by the district's dated rule in matching) is billed as the tariff's shortest billable
     * visit, or one unit, whatever the attempt's length, and takes nothing from the resident's annual hours: the
     * worker came, but no care was given.
     */
    private Mono<Void> price(Charge.Delivery delivery, boolean given) {
        return pauses.of(delivery.careOrderId())
                .flatMap(pause -> {
                    String refusal = pause.refusal(delivery.serviceDate());
                    return refusal == null
                            ? Mono.empty()
                            : Mono.error(RuleViolation.refused(
                                    "serviceDate",
                                    "delivery " + delivery.deliveryId() + " is not charged: " + refusal));
                })
                .then(Mono.defer(
                        () -> tariffs.inForce(delivery.district(), delivery.serviceType(), delivery.serviceDate())))
                // the price first: a delivery no tariff prices is refused for that, whatever its funding
                .flatMap(tariff -> fundingRules
                        .inForce(
                                delivery.district(),
                                delivery.serviceType(),
                                delivery.incomeTier(),
                                delivery.serviceDate())
                        .flatMap(funding -> {
                            if (!given) {
                                return record(Charge.of(delivery.billedAs(tariff.shortestBillable()), tariff, funding))
                                        .then();
                            }
                            return Charge.capped(delivery.serviceType())
                                    ? chargeAgainstTheCap(delivery, tariff, funding)
                                    : record(Charge.of(delivery, tariff, funding))
                                            .then();
                        }));
    }

    /**
     * Priced against the resident's year under the ledger's lock; the ledger grows only by a charge that was
     * recorded, so a delivery heard twice counts once.
     */
    private Mono<Void> chargeAgainstTheCap(Charge.Delivery delivery, Tariff tariff, FundingRule funding) {
        int year = delivery.serviceDate().getYear();
        int minutes = Objects.requireNonNull(delivery.usage().minutes(), "a capped service is timed");
        return charges.ofDelivery(delivery.deliveryId())
                .hasElement()
                .flatMap(charged -> charged
                        ? Mono.empty()
                        : ledger.lock(delivery.residentRef(), year).flatMap(used -> {
                            Charge charge = Charge.of(delivery, tariff, funding, AnnualCap.of(used, minutes));
                            return record(charge)
                                    .filter(recorded -> recorded)
                                    .flatMap(recorded -> ledger.add(delivery.residentRef(), year, minutes));
                        }));
    }

    /**
     * True when recorded now; false when the delivery was charged or voided already. Under the lock of the provider's
     * settlements from the delivery's month on (so that the same delivery heard twice at once is looked for one at a
     * time), the charge is booked in the month it counts in — its own, or as an adjustment of a later draft — and
     * recorded with that settlement month.
     */
    private Mono<Boolean> record(Charge charge) {
        Charge.Delivery delivery = charge.delivery();
        return settlements
                .hold(delivery.district(), delivery.providerId(), delivery.serviceMonth())
                .then(Mono.zip(
                        charges.ofDelivery(delivery.deliveryId()).hasElement(), voids.voided(delivery.deliveryId())))
                .flatMap(chargedOrVoided -> chargedOrVoided.getT1() || chargedOrVoided.getT2()
                        ? Mono.just(false)
                        : settlements
                                .book(line(charge))
                                .map(charge::settledIn)
                                .flatMap(settled -> charges.insert(settled)
                                        .flatMap(inserted -> inserted
                                                ? announce(settled)
                                                        .then(spend(settled))
                                                        .thenReturn(true)
                                                : Mono.error(new IllegalStateException("delivery "
                                                        + delivery.deliveryId()
                                                        + " was charged meanwhile under another provider or month")))));
    }

    /** Against the program's budget of the delivery's year, in this transaction: a threshold it crosses is announced. */
    private Mono<Void> spend(Charge charge) {
        Charge.Delivery delivery = charge.delivery();
        return budgets.spend(
                delivery.district(),
                delivery.serviceType(),
                delivery.serviceDate(),
                charge.chargeId(),
                charge.amount(),
                charge.split().publicShare());
    }

    private static SettlementLine line(Charge charge) {
        Charge.Delivery delivery = charge.delivery();
        return new SettlementLine(
                charge.chargeId(),
                delivery.deliveryId(),
                delivery.district(),
                delivery.providerId(),
                delivery.serviceDate(),
                charge.amount(),
                charge.split().publicShare(),
                charge.split().coPayment());
    }

    private Mono<Void> announce(Charge charge) {
        return outbox.append(announcement(charge))
                .doOnSuccess(done -> log.info(
                        "Delivery {} charged {} KRW (public {}, co-payment {}) under {}{}, settled in {}{}",
                        charge.delivery().deliveryId(),
                        charge.amount(),
                        charge.split().publicShare(),
                        charge.split().coPayment(),
                        charge.tariffId(),
                        charge.minutesBeyondCap() == 0
                                ? ""
                                : ", " + charge.minutesBeyondCap() + " min beyond the annual cap",
                        charge.settlementMonth(),
                        charge.adjustment() ? " as an adjustment" : ""));
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
                charge.tariffId(),
                charge.settlementMonth());
    }
}
