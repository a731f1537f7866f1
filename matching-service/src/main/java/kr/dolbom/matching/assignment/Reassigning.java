package kr.dolbom.matching.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.provider.Candidate;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.matching.provider.Takeover;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 재배정: a running line changes hands — by the window's decision, or taken over by the zone's lead (else the public
 * centre) when its provider hands it back or is suspended. The capacity moves with the line, the deliveries made
 * stay with the provider that made them, and each move is announced ({@code LineReassigned}).
 */
@Service
class Reassigning {

    private static final Logger log = LoggerFactory.getLogger(Reassigning.class);

    private final AssignmentStore assignments;
    private final OfferStore offers;
    private final ProviderStore providers;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;
    private final Clock clock;

    Reassigning(
            AssignmentStore assignments,
            OfferStore offers,
            ProviderStore providers,
            Outbox outbox,
            TransactionalOperator tx,
            MeterRegistry meters,
            Clock clock) {
        this.assignments = assignments;
        this.offers = offers;
        this.providers = providers;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The window gives a running line to another provider that offers the service, serves the dong, is not
     * suspended and has room (the public centre beyond its capacity).
     */
    Mono<LineAssignment> reassign(Caller caller, UUID lineId, String to, String reason) {
        AccessRule rule = MatchingAccess.REASSIGN_LINE;
        rule.admit(caller);
        LocalDate today = LocalDate.now(clock);
        return tx.transactional(running(caller, rule, lineId, today).flatMap(line -> {
                    if (line.providerId().equals(to)) {
                        return Mono.error(RuleViolation.refused("providerId", "line " + lineId + " is " + to + "'s"));
                    }
                    return providers
                            .refusalToServe(to, line.district(), line.dong(), line.serviceType(), today)
                            .flatMap(refusal -> refusal.isEmpty()
                                    ? assignments.holdsCapacity(lineId)
                                    : Mono.error(RuleViolation.refused("providerId", refusal)))
                            .flatMap(holds -> (holds ? providers.takeByHand(to, line.serviceType()) : Mono.just(true))
                                    .flatMap(taken -> taken
                                            ? providers.isLastResort(to)
                                            : Mono.error(RuleViolation.refused(
                                                    "providerId", to + " has no room for " + line.serviceType())))
                                    .flatMap(lastResort -> move(
                                            line,
                                            holds,
                                            new AssignmentStore.Move(
                                                    to,
                                                    lastResort,
                                                    ReassignCause.BY_WINDOW,
                                                    caller.subject(),
                                                    reason,
                                                    null),
                                            "reassigned by the window (" + caller.subject() + "): " + reason,
                                            today)));
                }))
                .retryWhen(TransientFailures.retry());
    }

    /**
     * 반납: the provider gives back a line it can no longer serve; the zone's lead takes it over, else the public
     * centre. Refused for the public centre itself (it takes what no one else can) and when no one can take it.
     */
    Mono<LineAssignment> handBack(Caller caller, UUID lineId, DeclineReason reason, @Nullable String note) {
        AccessRule rule = MatchingAccess.HAND_BACK_LINE;
        rule.admit(caller);
        if (!reason.givenByProvider()) {
            return Mono.error(RuleViolation.invalid("reason", reason + " is not a reason a provider gives"));
        }
        if (reason == DeclineReason.OTHER && (note == null || note.isBlank())) {
            return Mono.error(RuleViolation.invalid("note", "must say why when the reason is OTHER"));
        }
        LocalDate today = LocalDate.now(clock);
        String why = note == null || note.isBlank() ? reason.name() : reason + ": " + note;
        return tx.transactional(running(caller, rule, lineId, today)
                        .flatMap(line -> line.lastResort()
                                ? Mono.error(RuleViolation.conflict("line " + lineId + " is the public centre's, which"
                                                + " takes what no member can and hands nothing back")
                                        .with("providerId", line.providerId()))
                                : outbox.append(line.handBack(reason, today))
                                        .then(takeOver(
                                                line,
                                                ReassignCause.HANDED_BACK,
                                                caller.subject(),
                                                why,
                                                reason.name(),
                                                today))))
                .retryWhen(TransientFailures.retry());
    }

    /**
     * 기관 정지, 협약 종료: the provider's running lines are taken over, each by the zone's lead or the public centre; a
     * line no one can take stays, and waits for the window's hand (counted in {@code dolbom.matching.unplaced}). Part
     * of the caller's transaction.
     */
    Flux<LineAssignment> takeOverFrom(String providerId, ReassignCause cause, String by, String why) {
        LocalDate today = LocalDate.now(clock);
        return assignments
                .lockRunningOf(providerId, today)
                .concatMap(line -> takeOver(line, cause, by, why, null, today)
                        .onErrorResume(RuleViolation.class, refused -> {
                            log.error(
                                    "Line {} of {} stays with it: {}", line.lineId(), providerId, refused.getMessage());
                            meters.counter("dolbom.matching.unplaced").increment();
                            return Mono.empty();
                        }));
    }

    private Mono<LineAssignment> takeOver(
            LineAssignment line,
            ReassignCause cause,
            String by,
            String reason,
            @Nullable String handBackReason,
            LocalDate today) {
        return assignments
                .holdsCapacity(line.lineId())
                .flatMap(holds -> providers
                        .candidates(line.district(), line.dong(), line.serviceType(), today)
                        .collectList()
                        .flatMap(zone -> zoneLead(zone, line, holds))
                        .map(lead -> new AssignmentStore.Move(lead, false, cause, by, reason, handBackReason))
                        .switchIfEmpty(Mono.defer(() -> publicCentre(line, holds)
                                .map(centre ->
                                        new AssignmentStore.Move(centre, true, cause, by, reason, handBackReason))))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.conflict("no provider can take over line "
                                        + line.lineId() + ": the zone's lead has no room and the district has no public"
                                        + " centre; the window must reassign it by hand")
                                .with("providerId", line.providerId())))
                        .flatMap(move -> move(
                                line,
                                holds,
                                move,
                                (move.lastResort()
                                                ? "taken over by the public centre"
                                                : "taken over by the zone's lead")
                                        + " from " + line.providerId() + ": " + reason,
                                today)));
    }

    /** The zone's lead, with a unit of its capacity taken if the line holds one; empty if it has none left. */
    private Mono<String> zoneLead(List<Candidate> zone, LineAssignment line, boolean holds) {
        return Mono.justOrEmpty(Takeover.successor(zone, line.providerId()))
                .filterWhen(lead -> holds ? providers.take(lead, line.serviceType()) : Mono.just(true));
    }

    private Mono<String> publicCentre(LineAssignment line, boolean holds) {
        return holds
                ? providers.takeAsLastResort(line.district(), line.serviceType())
                : providers.lastResortOf(line.district(), line.serviceType());
    }

    private Mono<LineAssignment> move(
            LineAssignment line, boolean holds, AssignmentStore.Move move, String why, LocalDate today) {
        LineAssignment moved = line.movedTo(move.to(), move.lastResort());
        log.info("Line {} moved from {} to {}: {}", line.lineId(), line.providerId(), move.to(), why);
        return assignments
                .explanation(line.lineId())
                .map(explanation -> Optional.of(explanation.decided(today, move.to(), move.lastResort(), why)))
                .defaultIfEmpty(Optional.empty())
                .flatMap(explanation -> assignments.move(line, move, explanation.orElse(null)))
                .then(holds ? providers.release(line.providerId(), line.serviceType()) : Mono.empty())
                .then(outbox.append(line.reassignment(moved, move.cause(), today)))
                .thenReturn(moved);
    }

    /** The line, locked, if the caller may act on it and it still runs; a waiting or finished line is refused. */
    private Mono<LineAssignment> running(Caller caller, AccessRule rule, UUID lineId, LocalDate today) {
        return Mono.defer(() -> assignments.lock(lineId))
                .switchIfEmpty(Mono.defer(() -> offers.lockWaiting(lineId)
                        .doOnNext(waiting -> rule.reveal(
                                caller,
                                Holder.district(waiting.placed().district())
                                        .dong(waiting.placed().dong()),
                                "service line",
                                lineId))
                        .flatMap(waiting -> Mono.<LineAssignment>error(RuleViolation.conflict(
                                        "line " + lineId + " waits for its provider: dispatch it instead")
                                .with("lineStatus", "WAITING")))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", lineId)))))
                .doOnNext(line -> rule.reveal(caller, line.holder(), "service line", lineId))
                .flatMap(line -> line.runsOn(today)
                        ? Mono.just(line)
                        : Mono.error(RuleViolation.conflict("line " + lineId + " is over: "
                                        + (line.remaining() > 0
                                                ? "its period ended " + line.endsOn()
                                                : "all delivered"))
                                .with("lineStatus", "OVER")));
    }
}
