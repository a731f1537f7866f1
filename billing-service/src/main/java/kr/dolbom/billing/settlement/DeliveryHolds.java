package kr.dolbom.billing.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.platform.domain.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What billing hears of held deliveries (검증 보류), in the transaction of the deliveries stream's consumer: a hold is
 * recorded, open, until its release ({@code ServiceDelivered} of the same delivery, charged as any) or its rejection
 * resolves it. The events of a delivery may come in any order and more than once: a rejection or release heard before
 * the hold keeps the hold, when it comes, from being open; the first resolution stays.
 *
 * <p>A hold is recorded under the lock of its provider's settlements from its service month on, the lock an approval
 * takes of its month's settlement before it looks for open holds ({@link HoldPolicy}): a hold and an approval it
 * concerns are taken one after the other, so that no hold slips in while its month is being approved.
 */
@Service
public class DeliveryHolds {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHolds.class);

    private final HoldStore holds;
    private final SettlementStore settlements;
    private final Clock clock;

    DeliveryHolds(HoldStore holds, SettlementStore settlements, Clock clock) {
        this.holds = holds;
        this.settlements = settlements;
        this.clock = clock;
    }

    /** 검증 보류: the delivery is held; open unless its release or rejection was heard first. */
    public Mono<Void> held(DeliveryHeld held) {
        return settlements
                .lockFrom(held.district(), held.providerId(), YearMonth.from(held.serviceDate()))
                .then(holds.hold(held))
                .doOnNext(recorded -> requireSameDelivery(
                        held.deliveryId(), recorded, held.district(), held.providerId(), held.serviceDate()))
                .then(holds.releaseIfDeliveredAlready(held.deliveryId(), LocalDate.now(clock)))
                .doOnNext(released -> log.info(
                        "Delivery {} of {} on {} held ({}){}",
                        held.deliveryId(),
                        held.providerId(),
                        held.serviceDate(),
                        held.reason(),
                        released ? ", heard after its release: not open" : ""))
                .then();
    }

    /** 검증 반려: the hold is resolved as rejected; its delivery is never paid. */
    public Mono<Void> rejected(DeliveryRejected rejected) {
        return holds.reject(rejected)
                .doOnNext(recorded -> {
                    requireSameDelivery(
                            rejected.deliveryId(),
                            recorded,
                            rejected.district(),
                            rejected.providerId(),
                            rejected.serviceDate());
                    log.info(
                            "Held delivery {} of {} on {} rejected on {}",
                            rejected.deliveryId(),
                            rejected.providerId(),
                            rejected.serviceDate(),
                            rejected.rejectedOn());
                })
                .then();
    }

    /**
     * The delivery was announced ({@code ServiceDelivered}): a hold of it is released. Call it in the transaction
     * that charges the delivery; a delivery never held changes nothing.
     */
    public Mono<Void> released(UUID deliveryId) {
        return holds.release(deliveryId, LocalDate.now(clock))
                .doOnNext(released -> {
                    if (released) {
                        log.info("Held delivery {} released", deliveryId);
                    }
                })
                .then();
    }

    /** The events of a delivery name it alike; one naming another provider, district or day is not its event. */
    private static void requireSameDelivery(
            UUID deliveryId, HoldStore.Recorded recorded, String district, String providerId, LocalDate serviceDate) {
        if (!recorded.district().equals(district)
                || !recorded.providerId().equals(providerId)
                || !recorded.serviceDate().equals(serviceDate)) {
            throw RuleViolation.refused(
                    "deliveryId",
                    "held delivery " + deliveryId + " is recorded for " + recorded.providerId() + " in "
                            + recorded.district() + " on " + recorded.serviceDate() + "; the event names "
                            + providerId + " in " + district + " on " + serviceDate);
        }
    }
}
