package kr.dolbom.matching.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What happens to an open offer: the member accepts (the line is assigned to it) or declines, the deadline passes,
 * or the order's hold or end withdraws it; each way out of an offer but acceptance frees the capacity it held and
 * offers the line to the next candidate.
 */
@Service
class Offering {

    private static final Logger log = LoggerFactory.getLogger(Offering.class);

    private final OfferStore offers;
    private final AssignmentStore assignments;
    private final ProviderStore providers;
    private final LineMatching matching;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;
    private final Clock clock;

    Offering(
            OfferStore offers,
            AssignmentStore assignments,
            ProviderStore providers,
            LineMatching matching,
            Outbox outbox,
            TransactionalOperator tx,
            MeterRegistry meters,
            Clock clock) {
        this.offers = offers;
        this.assignments = assignments;
        this.providers = providers;
        this.matching = matching;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    /** 수락: the line becomes the member's, with the capacity its offer held. */
    Mono<Offer> accept(Caller caller, UUID offerId) {
        return answer(caller, offerId, MatchingAccess.ACCEPT_OFFER, open -> {
            if (open.status() == Offer.Status.ACCEPTED) {
                // the member's yes sent again (a retry after a lost answer) is the same yes
                return Mono.just(open);
            }
            Offer accepted = open.accepted(clock.instant());
            meters.counter("dolbom.matching.offers", "outcome", "accepted").increment();
            LocalDate today = LocalDate.now(clock);
            return offers.answer(accepted)
                    .then(offers.lockWaiting(open.lineId()))
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "open offer " + offerId + " of a line that waits no more: " + open.lineId())))
                    .zipWith(offers.explanation(offerId))
                    .flatMap(waitingAndWhy -> offers.ofLine(open.lineId())
                            .map(AssignmentExplanation.OfferStep::of)
                            .collectList()
                            .flatMap(steps -> {
                                OfferStore.WaitingLine waiting = waitingAndWhy.getT1();
                                LineAssignment line = waiting.assignedTo(open.providerId(), false, today);
                                AssignmentExplanation why =
                                        waitingAndWhy.getT2().accepted(today).withOffers(steps);
                                log.info("Line {} assigned to {}, who accepted it", line.lineId(), line.providerId());
                                return assignments
                                        .insert(line, why)
                                        .then(offers.placed(line.lineId()))
                                        .then(outbox.append(accepted.acceptance(today)))
                                        .then(outbox.append(line.announcement()));
                            }))
                    .thenReturn(accepted);
        });
    }

    /** 거절: the capacity goes back and the next member is asked. */
    Mono<Offer> decline(Caller caller, UUID offerId, DeclineReason reason, @Nullable String note) {
        return answer(
                caller,
                offerId,
                MatchingAccess.DECLINE_OFFER,
                open -> closed(open.declined(reason, note, clock.instant())));
    }

    /** Past the deadline unanswered: a decline. Part of the sweep's transaction. */
    Mono<Offer> expire(Offer open) {
        return closed(open.expired(clock.instant()));
    }

    /** The order was put on hold: its offers are withdrawn and its waiting lines parked until it resumes. */
    Mono<Void> held(UUID careOrderId) {
        return withdrawAll(careOrderId, "the order is on hold")
                .thenMany(offers.park(careOrderId, true))
                .then();
    }

    /** The order resumed: its parked lines are offered again. */
    Mono<Void> resumed(UUID careOrderId) {
        return offers.park(careOrderId, false).concatMap(this::offerNext).then();
    }

    /** The order ended: nothing of it waits for a provider any more. */
    Mono<Void> ended(UUID careOrderId, String why) {
        return withdrawAll(careOrderId, why).then(offers.dropWaiting(careOrderId));
    }

    private Mono<Void> withdrawAll(UUID careOrderId, String why) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        return offers.lockOpenOfOrder(careOrderId)
                .concatMap(open -> {
                    Offer withdrawn = open.withdrawn(why, now);
                    meters.counter("dolbom.matching.offers", "outcome", "withdrawn")
                            .increment();
                    return offers.answer(withdrawn)
                            .then(providers.release(open.providerId(), open.serviceType()))
                            .then(outbox.append(withdrawn.decline(today)));
                })
                .then();
    }

    /** A declined or expired offer: its capacity back, the decline announced, the line offered on. */
    private Mono<Offer> closed(Offer closed) {
        LocalDate today = LocalDate.now(clock);
        meters.counter(
                        "dolbom.matching.offers",
                        "outcome",
                        closed.status().name().toLowerCase(Locale.ROOT))
                .increment();
        log.info(
                "Offer {} of line {} to {}: {}",
                closed.offerId(),
                closed.lineId(),
                closed.providerId(),
                closed.status());
        return offers.answer(closed)
                .then(providers.release(closed.providerId(), closed.serviceType()))
                .then(outbox.append(closed.decline(today)))
                .then(offerNext(closed.lineId()))
                .thenReturn(closed);
    }

    /**
     * The line goes on to the next candidate; when not even the public centre can take it, it waits for the window's
     * hand (and the window is alerted through {@code dolbom.matching.unplaced}) rather than failing the answer.
     */
    private Mono<Void> offerNext(UUID lineId) {
        return matching.offerNext(lineId).onErrorResume(RuleViolation.class, refused -> {
            log.error("Line {} could not be placed and waits for the window: {}", lineId, refused.getMessage());
            meters.counter("dolbom.matching.unplaced").increment();
            return offers.unplaced(lineId, String.valueOf(refused.getMessage()));
        });
    }

    private Mono<Offer> answer(Caller caller, UUID offerId, AccessRule rule, Function<Offer, Mono<Offer>> work) {
        rule.admit(caller);
        return tx.transactional(Mono.defer(() -> offers.lock(offerId))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("offer", offerId)))
                        .doOnNext(open -> rule.reveal(caller, open.holder(), "offer", offerId))
                        .flatMap(work))
                .retryWhen(TransientFailures.retry());
    }
}
