package kr.dolbom.matching.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.matching.provider.RegistryChange;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
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
    private final Reassigning reassigning;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;
    private final Clock clock;

    Offering(
            OfferStore offers,
            AssignmentStore assignments,
            ProviderStore providers,
            LineMatching matching,
            Reassigning reassigning,
            Outbox outbox,
            TransactionalOperator tx,
            MeterRegistry meters,
            Clock clock) {
        this.offers = offers;
        this.assignments = assignments;
        this.providers = providers;
        this.matching = matching;
        this.reassigning = reassigning;
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

    /**
     * The order was put on hold: its waiting lines are parked until it resumes (out of the dispatcher's queue) and its
     * offers withdrawn. Parked first: that waits for a dispatcher making a line's first offer, which is then withdrawn.
     */
    Mono<Void> held(UUID careOrderId) {
        return offers.park(careOrderId, true).then(withdrawAll(careOrderId, "the order is on hold"));
    }

    /** The order resumed: its parked lines are offered again. */
    Mono<Void> resumed(UUID careOrderId) {
        return offers.park(careOrderId, false).concatMap(matching::offerNext).then();
    }

    /**
     * The order ended: nothing of it waits for a provider any more, queued or on offer (dropped first, as for a
     * hold).
     */
    Mono<Void> ended(UUID careOrderId, String why) {
        return offers.dropWaiting(careOrderId).then(withdrawAll(careOrderId, why));
    }

    private Mono<Void> withdrawAll(UUID careOrderId, String why) {
        return offers.lockOpenOfOrder(careOrderId)
                .concatMap(open -> withdraw(open, why))
                .then();
    }

    private Mono<Offer> withdraw(Offer open, String why) {
        Offer withdrawn = open.withdrawn(why, clock.instant());
        meters.counter("dolbom.matching.offers", "outcome", "withdrawn").increment();
        return offers.answer(withdrawn)
                .then(providers.release(open.providerId(), open.serviceType()))
                .then(outbox.append(withdrawn.decline(LocalDate.now(clock))))
                .thenReturn(withdrawn);
    }

    /**
     * 수동 배정: the window gives a waiting line to a provider of its choice (one that offers the service, serves the
     * dong and has room; the public centre beyond its capacity), withdrawing the line's open offer. Refused for a line
     * that has its provider already.
     */
    Mono<LineAssignment> dispatch(Caller caller, UUID lineId, String providerId, String reason) {
        AccessRule rule = MatchingAccess.DISPATCH_LINE;
        rule.admit(caller);
        LocalDate today = LocalDate.now(clock);
        return tx.transactional(Mono.defer(() -> offers.lockWaiting(lineId))
                        .switchIfEmpty(Mono.defer(() -> assignments
                                .find(lineId)
                                .doOnNext(line -> rule.reveal(caller, line.holder(), "service line", lineId))
                                .flatMap(line -> Mono.<OfferStore.WaitingLine>error(RuleViolation.conflict(
                                                "line " + lineId + " is assigned to " + line.providerId() + " already")
                                        .with("providerId", line.providerId())))
                                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", lineId)))))
                        .flatMap(waiting -> {
                            OrderPlaced placed = waiting.placed();
                            OrderPlaced.Line line = placed.lines().get(0);
                            rule.reveal(
                                    caller,
                                    Holder.district(placed.district()).dong(placed.dong()),
                                    "service line",
                                    lineId);
                            return providers
                                    .refusalToServe(
                                            providerId, placed.district(), placed.dong(), line.serviceType(), today)
                                    .flatMap(refusal -> refusal.isEmpty()
                                            ? Mono.just(waiting)
                                            : Mono.error(RuleViolation.refused("providerId", refusal)));
                        })
                        .flatMap(waiting -> offers.lockOpenOfLine(lineId)
                                .flatMap(open -> withdraw(open, "dispatched by hand to " + providerId))
                                .then(Mono.just(waiting)))
                        .flatMap(waiting -> providers
                                .takeByHand(
                                        providerId,
                                        waiting.placed().lines().get(0).serviceType())
                                .flatMap(taken -> taken
                                        ? placeByHand(waiting, providerId, caller.subject(), reason, today)
                                        : Mono.error(RuleViolation.refused(
                                                "providerId",
                                                providerId + " has no room for "
                                                        + waiting.placed()
                                                                .lines()
                                                                .get(0)
                                                                .serviceType())))))
                .retryWhen(TransientFailures.retry());
    }

    private Mono<LineAssignment> placeByHand(
            OfferStore.WaitingLine waiting, String providerId, String by, String reason, LocalDate today) {
        OrderPlaced placed = waiting.placed();
        OrderPlaced.Line line = placed.lines().get(0);
        return providers
                .isLastResort(providerId)
                .flatMap(lastResort -> offers.ofLine(line.lineId())
                        .collectList()
                        .flatMap(made -> {
                            LineAssignment assignment = waiting.assignedTo(providerId, lastResort, today);
                            String why = "dispatched by hand by the window (" + by + "): " + reason;
                            Mono<AssignmentExplanation> explanation = made.isEmpty()
                                    ? Mono.just(matching.byHand(placed, line, providerId, lastResort, why, today))
                                    : offers.explanation(
                                                    made.get(made.size() - 1).offerId())
                                            .map(latest -> latest.decided(today, providerId, lastResort, why));
                            List<AssignmentExplanation.OfferStep> steps = made.stream()
                                    .map(AssignmentExplanation.OfferStep::of)
                                    .toList();
                            log.info("Line {} dispatched by hand to {}: {}", line.lineId(), providerId, reason);
                            return explanation.flatMap(why2 -> assignments
                                    .insert(assignment, why2.withOffers(steps))
                                    .then(assignments.dispatchedByHand(line.lineId(), by, reason))
                                    .then(offers.placed(line.lineId()))
                                    .then(outbox.append(assignment.announcement()))
                                    .thenReturn(assignment));
                        }));
    }

    /**
     * 정지: the member is offered nothing more; its open offers are withdrawn and their lines offered to the next
     * member, and its running lines are taken over by the zone's lead or the public centre. The deliveries it made
     * stay its own.
     */
    Mono<Suspension> suspend(Caller caller, String providerId, String reason) {
        AccessRule rule = MatchingAccess.SUSPEND_PROVIDER;
        rule.admit(caller);
        return tx.transactional(Mono.defer(() -> providers.districtOf(providerId))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", providerId)))
                        .doOnNext(district -> rule.reveal(
                                caller, Holder.district(district).heldBy(providerId), "provider", providerId))
                        .flatMap(district -> providers.suspend(providerId, reason))
                        .flatMap(suspended -> suspended
                                ? providers
                                        .recordChange(
                                                providerId,
                                                RegistryChange.What.SUSPENDED,
                                                Map.of(),
                                                caller.subject(),
                                                reason)
                                        .then(takeWorkFrom(
                                                providerId,
                                                ReassignCause.PROVIDER_SUSPENDED,
                                                caller.subject(),
                                                "the provider was suspended: " + reason))
                                : Mono.error(RuleViolation.conflict(providerId
                                                + " is suspended already, or is the public centre, which is never"
                                                + " suspended")
                                        .with("providerId", providerId))))
                .retryWhen(TransientFailures.retry());
    }

    /**
     * The provider's work goes elsewhere: its open offers are withdrawn and offered on, its running lines taken
     * over. Part of the caller's transaction.
     */
    Mono<Suspension> takeWorkFrom(String providerId, ReassignCause cause, String by, String why) {
        return offers.lockOpenOfProvider(providerId)
                .concatMap(open -> withdraw(open, why)
                        .then(matching.offerNext(open.lineId()))
                        .thenReturn(open))
                .count()
                .flatMap(withdrawn -> reassigning
                        .takeOverFrom(providerId, cause, by, why)
                        .count()
                        .map(moved -> new Suspension(Math.toIntExact(withdrawn), Math.toIntExact(moved))));
    }

    /** What a suspension moved: the open offers withdrawn and offered on, the running lines taken over. */
    record Suspension(int offersWithdrawn, int linesTakenOver) {}

    /** 재개: the member is offered lines again. */
    Mono<Void> resume(Caller caller, String providerId, String reason) {
        AccessRule rule = MatchingAccess.RESUME_PROVIDER;
        rule.admit(caller);
        return tx.transactional(Mono.defer(() -> providers.districtOf(providerId))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", providerId)))
                        .doOnNext(district -> rule.reveal(
                                caller, Holder.district(district).heldBy(providerId), "provider", providerId))
                        .flatMap(district -> providers.resume(providerId))
                        .flatMap(resumed -> resumed
                                ? providers.recordChange(
                                        providerId, RegistryChange.What.RESUMED, Map.of(), caller.subject(), reason)
                                : Mono.error(RuleViolation.conflict(providerId + " is not suspended")
                                        .with("providerId", providerId))))
                .retryWhen(TransientFailures.retry());
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
                .then(matching.offerNext(closed.lineId()))
                .thenReturn(closed);
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
