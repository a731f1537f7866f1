package kr.dolbom.billing.charge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.billing.budget.Budgets;
import kr.dolbom.billing.settlement.SettlementBooking;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Reverses the charge of each voided delivery (제공 취소 → 청구 취소) as the void is heard: a negative line naming the
 * charge, booked in the charge's settlement month while that is a draft, else in the provider's next month that takes
 * lines; taken out of its program's spending, its 일시재가 minutes given back to the resident's year, recorded and
 * announced ({@code ChargeReversed}) in one transaction. The void itself is recorded too, so that a delivery heard
 * after its void is never charged. Voids and charges of a delivery are taken one at a time under the lock of its
 * provider's settlements from its month on, the lock charging holds.
 */
@Service
class DeliveryReversal {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReversal.class);

    private final ChargeStore charges;
    private final VoidStore voids;
    private final CareHoursLedger ledger;
    private final SettlementBooking settlements;
    private final Budgets budgets;
    private final Outbox outbox;
    private final Clock clock;

    DeliveryReversal(
            ChargeStore charges,
            VoidStore voids,
            CareHoursLedger ledger,
            SettlementBooking settlements,
            Budgets budgets,
            Outbox outbox,
            Clock clock) {
        this.charges = charges;
        this.voids = voids;
        this.ledger = ledger;
        this.settlements = settlements;
        this.budgets = budgets;
        this.outbox = outbox;
        this.clock = clock;
    }

    Mono<Void> reverse(DeliveryVoided voided) {
        return charges.ofDelivery(voided.deliveryId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(seen -> {
                    seen.ifPresent(charge -> requireSameDelivery(charge, voided));
                    // the resident's year before the settlements, in the order charging locks them
                    Mono<Integer> year = seen.filter(
                                    charge -> Charge.capped(charge.delivery().serviceType()))
                            .map(charge -> ledger.lock(
                                    charge.delivery().residentRef(),
                                    charge.delivery().serviceDate().getYear()))
                            .orElse(Mono.empty());
                    return year.then(settlements.hold(
                                    voided.district(), voided.providerId(), YearMonth.from(voided.serviceDate())))
                            .then(voids.record(voided))
                            .then(charges.ofDelivery(voided.deliveryId()))
                            .flatMap(charge -> reverse(charge, voided))
                            .switchIfEmpty(Mono.fromRunnable(() -> log.info(
                                    "Delivery {} voided ({}) before it was charged: it will not be",
                                    voided.deliveryId(),
                                    voided.reason())));
                });
    }

    private Mono<Void> reverse(Charge charge, DeliveryVoided voided) {
        requireSameDelivery(charge, voided);
        return charges.reversalOf(charge.chargeId()).hasElement().flatMap(reversed -> {
            if (reversed) {
                log.info("Charge {} of delivery {} is reversed already", charge.chargeId(), voided.deliveryId());
                return Mono.empty();
            }
            Reversal reversal = Reversal.of(UUID.randomUUID(), charge, voided.reason(), LocalDate.now(clock));
            return settlements
                    .bookReversal(reversal.line(), charge.settlementMonth())
                    .map(reversal::settledIn)
                    .flatMap(settled -> charges.insert(settled)
                            .flatMap(inserted -> inserted
                                    ? record(settled)
                                    : Mono.error(new IllegalStateException(
                                            "charge " + charge.chargeId() + " was reversed meanwhile"))));
        });
    }

    private Mono<Void> record(Reversal reversal) {
        Charge.Delivery delivery = reversal.original().delivery();
        int minutes = reversal.minutesGivenBack();
        return outbox.append(reversal.announcement())
                .then(budgets.refund(
                        delivery.district(),
                        delivery.serviceType(),
                        delivery.serviceDate(),
                        reversal.original().amount(),
                        reversal.original().split().publicShare()))
                .then(
                        minutes == 0
                                ? Mono.empty()
                                : ledger.giveBack(
                                        delivery.residentRef(),
                                        delivery.serviceDate().getYear(),
                                        minutes))
                .doOnSuccess(done -> log.info(
                        "Charge {} of delivery {} ({} KRW: public {}, co-payment {}) reversed by {} in {}{}",
                        reversal.original().chargeId(),
                        delivery.deliveryId(),
                        reversal.original().amount(),
                        reversal.original().split().publicShare(),
                        reversal.original().split().coPayment(),
                        reversal.chargeId(),
                        reversal.settlementMonth(),
                        minutes == 0 ? "" : ", " + minutes + " min given back to the annual cap"));
    }

    /** A void names the delivery as announced; one naming another provider, district or day is not its void. */
    private static void requireSameDelivery(Charge charge, DeliveryVoided voided) {
        Charge.Delivery delivery = charge.delivery();
        if (!delivery.providerId().equals(voided.providerId())
                || !delivery.district().equals(voided.district())
                || !delivery.serviceDate().equals(voided.serviceDate())) {
            throw RuleViolation.refused(
                    "deliveryId",
                    "delivery " + voided.deliveryId() + " was charged to " + delivery.providerId() + " in "
                            + delivery.district() + " on " + delivery.serviceDate() + "; the void names "
                            + voided.providerId() + " in " + voided.district() + " on " + voided.serviceDate());
        }
    }
}
