package kr.dolbom.matching.delivery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.OrderPause;
import kr.dolbom.events.VoidReason;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.assignment.AssignmentStore;
import kr.dolbom.matching.assignment.LineAssignment;
import kr.dolbom.matching.assignment.OrderPauseStore;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The window's hand on deliveries (검증 창구): a held delivery is released (and announced as delivered) or rejected;
 * an announced one is voided. What a rejected or voided delivery took from its line's plan goes back to the line, and
 * a line that had given its capacity back as finished takes it again while it still runs. Each answer commits with
 * its event.
 */
@Service
class DeliveryReview {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReview.class);

    private final DeliveryStore deliveries;
    private final AssignmentStore assignments;
    private final ProviderStore providers;
    private final OrderPauseStore pauses;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    DeliveryReview(
            DeliveryStore deliveries,
            AssignmentStore assignments,
            ProviderStore providers,
            OrderPauseStore pauses,
            Outbox outbox,
            TransactionalOperator tx,
            Clock clock) {
        this.deliveries = deliveries;
        this.assignments = assignments;
        this.providers = providers;
        this.pauses = pauses;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** 보류 목록: a provider's held deliveries, or a district's when no provider is named. */
    Flux<DeliveryView> held(Caller caller, String provider, String district) {
        MatchingAccess.LIST_HELD_DELIVERIES.admit(caller);
        if (!provider.isBlank()) {
            return providers
                    .districtOf(provider)
                    .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", provider)))
                    .doOnNext(of -> MatchingAccess.LIST_HELD_DELIVERIES.reveal(
                            caller, Holder.district(of).heldBy(provider), "provider", provider))
                    .thenMany(deliveries.heldOf(provider))
                    .concatMap(this::withLine);
        }
        if (district.isBlank()) {
            return Flux.error(RuleViolation.invalid("provider", "name a provider or a district"));
        }
        MatchingAccess.LIST_HELD_DELIVERIES.reveal(caller, Holder.district(district), "district", district);
        return deliveries.heldIn(district).concatMap(this::withLine);
    }

    Mono<DeliveryView> release(Caller caller, UUID id, String note) {
        return answer(MatchingAccess.RELEASE_DELIVERY, caller, id, (delivery, line) -> {
            if (delivery.status().release() == delivery.status()) {
                return Mono.just(delivery); // released before: the same answer
            }
            Delivery released = with(delivery, DeliveryStatus.RELEASED, true, note);
            return deliveries
                    .decide(id, DeliveryStatus.RELEASED, true, caller.subject(), note)
                    .then(outbox.append(released.announcement(line)))
                    .thenReturn(released);
        });
    }

    Mono<DeliveryView> reject(Caller caller, UUID id, String note) {
        return answer(MatchingAccess.REJECT_DELIVERY, caller, id, (delivery, line) -> {
            if (delivery.status().reject() == delivery.status()) {
                return Mono.just(delivery);
            }
            DeliveryHoldReason reason = Objects.requireNonNull(delivery.holdReason(), "a held delivery says why");
            Delivery rejected = with(delivery, DeliveryStatus.REJECTED, false, note);
            return deliveries
                    .decide(id, DeliveryStatus.REJECTED, false, caller.subject(), note)
                    .then(giveBack(delivery, line))
                    .then(outbox.append(rejected.rejected(line, reason, today())))
                    .thenReturn(rejected);
        });
    }

    Mono<DeliveryView> voidDelivery(Caller caller, UUID id, VoidReason reason, String note) {
        return answer(MatchingAccess.VOID_DELIVERY, caller, id, (delivery, line) -> {
            DeliveryStatus status = delivery.status();
            if (status == DeliveryStatus.VERIFIED && !delivery.announced()) {
                throw RuleViolation.conflict("the delivery was never announced (an attempt that is not paid):"
                                + " there is nothing to void")
                        .with("deliveryStatus", status.name());
            }
            status.voided();
            Delivery voided = new Delivery(
                    delivery.deliveryId(),
                    delivery.lineId(),
                    delivery.providerId(),
                    delivery.serviceDate(),
                    delivery.startTime(),
                    delivery.endTime(),
                    delivery.units(),
                    delivery.workerRef(),
                    delivery.place(),
                    delivery.outcome(),
                    DeliveryStatus.VOIDED,
                    delivery.holdReason(),
                    delivery.counted(),
                    true,
                    note,
                    reason);
            return deliveries
                    .voided(id, reason, today(), caller.subject(), note)
                    .then(giveBack(delivery, line))
                    .then(outbox.append(voided.voided(line, reason, today())))
                    .thenReturn(voided);
        });
    }

    private interface Answer {
        Mono<Delivery> apply(Delivery delivery, LineAssignment line);
    }

    /** The delivery and its line, locked in that order as a report locks them, answered in one transaction. */
    private Mono<DeliveryView> answer(AccessRule rule, Caller caller, UUID id, Answer answer) {
        rule.admit(caller);
        return tx.transactional(Mono.defer(() -> deliveries.find(id))
                        .flatMap(found -> assignments.lock(found.lineId()))
                        .filter(line -> rule.reaches(caller, line.holder()))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("delivery", id)))
                        .flatMap(line -> deliveries
                                .lock(id)
                                .flatMap(delivery -> Mono.defer(() -> answer.apply(delivery, line))
                                        .doOnSuccess(done -> log.info(
                                                "Delivery {} on line {} {} by {}",
                                                id,
                                                line.lineId(),
                                                done.status(),
                                                caller.subject())))
                                .map(delivery -> DeliveryView.of(delivery, line))))
                .retryWhen(TransientFailures.retry());
    }

    /** The visits or units go back to the line; a finished line that still runs takes its provider's slot again. */
    private Mono<Void> giveBack(Delivery delivery, LineAssignment line) {
        if (delivery.counted() == 0) {
            return Mono.empty();
        }
        LocalDate today = today();
        return assignments
                .addDelivered(line.lineId(), -delivery.counted())
                .then(pauses.of(line.careOrderId()).defaultIfEmpty(OrderPause.NONE))
                .filter(pause -> pause.refusal(today) == null)
                .flatMap(running -> assignments.retakeCapacityOfLine(line.lineId(), today))
                .filter(retaken -> retaken)
                .flatMap(retaken -> providers.retake(line.providerId(), line.serviceType()));
    }

    private Mono<DeliveryView> withLine(Delivery delivery) {
        return assignments.find(delivery.lineId()).map(line -> DeliveryView.of(delivery, line));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Delivery with(Delivery delivery, DeliveryStatus status, boolean announced, String note) {
        return new Delivery(
                delivery.deliveryId(),
                delivery.lineId(),
                delivery.providerId(),
                delivery.serviceDate(),
                delivery.startTime(),
                delivery.endTime(),
                delivery.units(),
                delivery.workerRef(),
                delivery.place(),
                delivery.outcome(),
                status,
                delivery.holdReason(),
                delivery.counted(),
                announced,
                note,
                delivery.voidReason());
    }
}
