package kr.dolbom.matching.assignment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.assignment.AssignmentExplanation.LastResortReason;
import kr.dolbom.matching.provider.MatchingHistory;
import kr.dolbom.matching.provider.MatchingPolicy;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.matching.provider.Ranking;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.tracing.TraceParents;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queues every line of a placed order for its first offer (연계 제안), which {@link MatchDispatcher} makes urgent lines
 * first; offers a waiting line to one consortium member at a time in the order of the matching policy, and gives it
 * to the public centre as provider of last resort when no member with room is left to ask. Runs inside its caller's
 * transaction (the consumer's, the dispatcher's, an answer's, the deadline sweep's), so the capacity held, the offer
 * or assignment, its explanation and its events commit together.
 */
@Service
class LineMatching {

    private static final Logger log = LoggerFactory.getLogger(LineMatching.class);

    private static final String FILLED_UP = "filled up while the line was matched: passed over";

    private final ProviderStore providers;
    private final AssignmentStore assignments;
    private final OfferStore offers;
    private final Outbox outbox;
    private final OfferProperties deadlines;
    private final MeterRegistry meters;
    private final TraceParents traces;
    private final Clock clock;

    LineMatching(
            ProviderStore providers,
            AssignmentStore assignments,
            OfferStore offers,
            Outbox outbox,
            OfferProperties deadlines,
            MeterRegistry meters,
            TraceParents traces,
            Clock clock) {
        this.providers = providers;
        this.assignments = assignments;
        this.offers = offers;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.meters = meters;
        this.traces = traces;
        this.clock = clock;
    }

    /**
     * Every line of the order waits for a provider; unless the order is on hold ({@code parked}), it is queued for
     * its first offer. {@code matchableSince}: when the order became the window's to dispatch (placed urgent, or its
     * plan approved), the line's place in the queue among lines as urgent, and from when the time to its first offer
     * is measured. The offer itself is the dispatcher's, after this transaction: here only rows are written, so a
     * backlog of the stream drains fast and an urgent line does not wait behind the ordinary ones ahead of it.
     */
    Mono<Void> queue(OrderPlaced order, boolean parked, Instant matchableSince) {
        return Mono.deferContextual(context -> Mono.justOrEmpty(traces.of(context)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(traceparent -> assignments
                        .confirmedIncomeTier(order.careOrderId())
                        .defaultIfEmpty(order.incomeTier())
                        .flatMap(tier -> assignments
                                .assignedLines(order.careOrderId())
                                .collectList()
                                // A line assigned or waiting already (the same order announced twice) goes on as it
                                // was.
                                .flatMapMany(assigned -> Flux.fromIterable(order.lines())
                                        .filter(line -> !assigned.contains(line.lineId())))
                                .concatMap(line -> offers.keep(
                                        only(order, line),
                                        tier,
                                        parked ? null : matchableSince,
                                        traceparent.orElse(null)))
                                .then()));
    }

    /** The queued line's first offer, part of the dispatcher's transaction; see {@link #offerNext(UUID)}. */
    Mono<Void> offerFirst(UUID lineId, Instant matchableSince) {
        return offerNext(lineId, matchableSince);
    }

    /**
     * The waiting line goes to the next member with room that was not asked yet, or to the public centre when none
     * is left; nothing while the line is parked (its order on hold) or placed already. When not even the public
     * centre can take it, it waits for the window's hand (and the window is alerted through
     * {@code dolbom.matching.unplaced}) rather than failing the transaction it is part of.
     */
    Mono<Void> offerNext(UUID lineId) {
        return offerNext(lineId, null);
    }

    private Mono<Void> offerNext(UUID lineId, @Nullable Instant matchableSince) {
        return offers.lockWaiting(lineId)
                .filter(waiting -> !waiting.parked())
                .flatMap(waiting ->
                        offers.ofLine(lineId).collectList().flatMap(made -> offerNext(waiting, made, matchableSince)))
                .onErrorResume(RuleViolation.class, refused -> unplaced(lineId, String.valueOf(refused.getMessage())));
    }

    /** The line waits for the window's hand, out of the queue; the window is alerted. */
    Mono<Void> unplaced(UUID lineId, String why) {
        log.error("Line {} could not be placed and waits for the window: {}", lineId, why);
        meters.counter("dolbom.matching.unplaced").increment();
        return offers.dequeue(List.of(lineId)).then(offers.unplaced(lineId, why));
    }

    private Mono<Void> offerNext(OfferStore.WaitingLine waiting, List<Offer> made, @Nullable Instant matchableSince) {
        OrderPlaced order = waiting.placed();
        OrderPlaced.Line line = order.lines().get(0);
        LocalDate today = LocalDate.now(clock);
        // a withdrawn offer was no answer of the member's: it may be asked again
        Set<String> asked = made.stream()
                .filter(offer -> offer.status() != Offer.Status.WITHDRAWN)
                .map(Offer::providerId)
                .collect(Collectors.toSet());
        List<AssignmentExplanation.OfferStep> steps =
                made.stream().map(AssignmentExplanation.OfferStep::of).toList();
        return providers
                .candidates(order.district(), order.dong(), line.serviceType(), today)
                .filter(candidate -> !asked.contains(candidate.providerId()))
                .collectList()
                .flatMap(candidates -> history(order, line.serviceType(), today)
                        .map(history -> MatchingPolicy.rank(candidates, history)))
                .flatMap(ranking -> offer(order, line, ranking, made.size() + 1, today)
                        .doOnNext(offer -> {
                            if (matchableSince != null) {
                                firstOffer(offer.urgent()).record(Duration.between(matchableSince, offer.offeredAt()));
                            }
                        })
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(offered -> offered.isPresent()
                                ? Mono.empty()
                                : lastResort(order, line, ranking, asked, today).flatMap(explanation -> {
                                    LineAssignment assignment =
                                            waiting.assignedTo(explanation.providerId(), true, today);
                                    log.info(
                                            "Line {} ({}) assigned to {} as provider of last resort",
                                            line.lineId(),
                                            line.serviceType(),
                                            assignment.providerId());
                                    return assignments
                                            .insert(assignment, explanation.withOffers(steps))
                                            .then(offers.placed(line.lineId()))
                                            .then(outbox.append(assignment.announcement()));
                                })));
    }

    /** From the order becoming matchable to its line's first offer: urgent lines must not wait behind the others. */
    private Timer firstOffer(boolean urgent) {
        return Timer.builder("dolbom.matching.first.offer")
                .tag("urgent", Boolean.toString(urgent))
                .register(meters);
    }

    /** The line wrapped as the order of it alone: what a waiting line keeps of its placement. */
    private static OrderPlaced only(OrderPlaced order, OrderPlaced.Line line) {
        return new OrderPlaced(
                order.careOrderId(),
                order.residentRef(),
                order.district(),
                order.dong(),
                order.incomeTier(),
                order.urgent(),
                order.channel(),
                order.requestedOn(),
                List.of(line));
    }

    /** Why a line given by hand, never offered, went where it went: no ranking, the window's words. */
    AssignmentExplanation byHand(
            OrderPlaced order,
            OrderPlaced.Line line,
            String provider,
            boolean lastResort,
            String why,
            LocalDate today) {
        return new AssignmentExplanation(
                line.lineId(),
                line.serviceType(),
                order.district(),
                order.dong(),
                today,
                provider,
                lastResort,
                null,
                why,
                MatchingPolicy.RULE,
                MatchingPolicy.rank(List.of(), MatchingHistory.none(YearMonth.from(today))),
                List.of());
    }

    /** Who served the resident in the service last, and the month's lines of the service in the district. */
    private Mono<MatchingHistory> history(OrderPlaced order, ServiceType type, LocalDate today) {
        YearMonth month = YearMonth.from(today);
        return assignments
                .latestLineOf(order.residentRef(), type)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(latest -> assignments
                        .linesAssignedIn(order.district(), type, month)
                        .map(lines -> new MatchingHistory(month, latest.orElse(null), lines)));
    }

    /**
     * Offers the line to the best ranked member that still has room (one that filled up meanwhile is passed over),
     * holding a unit of its capacity until it answers; empty when none has.
     */
    private Mono<Offer> offer(OrderPlaced order, OrderPlaced.Line line, Ranking ranking, int round, LocalDate today) {
        ServiceType type = line.serviceType();
        List<String> ranked = ranking.order();
        return Flux.fromIterable(ranked)
                .concatMap(provider -> providers
                        .take(provider, type)
                        .filter(Boolean::booleanValue)
                        .map(taken -> provider))
                .next()
                .flatMap(provider -> {
                    List<String> passedOver = ranked.subList(0, ranked.indexOf(provider));
                    Ranking used = ranking.noting(passedOver, FILLED_UP);
                    Instant now = clock.instant();
                    Offer offer = new Offer(
                            UUID.randomUUID(),
                            line.lineId(),
                            order.careOrderId(),
                            provider,
                            type,
                            order.district(),
                            order.dong(),
                            order.urgent(),
                            round,
                            now,
                            now.plus(deadlines.answerWithin(order.urgent())),
                            Offer.Status.OPEN,
                            null,
                            null,
                            null);
                    AssignmentExplanation explanation = explanation(
                            order, line, today, provider, null, summary(used, provider, passedOver, round), used);
                    log.info("Line {} ({}) offered to {} until {}", line.lineId(), type, provider, offer.answerBy());
                    return offers.insert(offer, explanation)
                            .then(outbox.append(offer.announcement(today)))
                            .thenReturn(offer);
                });
    }

    private Mono<AssignmentExplanation> lastResort(
            OrderPlaced order, OrderPlaced.Line line, Ranking ranking, Set<String> asked, LocalDate today) {
        ServiceType type = line.serviceType();
        Ranking used = ranking.noting(ranking.order(), FILLED_UP);
        Mono<LastResortWhy> why = !asked.isEmpty()
                ? Mono.just(new LastResortWhy(
                        LastResortReason.ALL_MEMBERS_DECLINED,
                        "no member with room is left to ask: " + String.join(", ", new TreeSet<>(asked))
                                + " did not take the line"))
                : ranking.candidates().isEmpty()
                        ? providers
                                .zoneOf(order.district(), order.dong())
                                .map(zone -> new LastResortWhy(
                                        LastResortReason.NO_MEMBER_OFFERS_SERVICE_IN_ZONE,
                                        "no member offers " + type + " in zone " + zone))
                                .defaultIfEmpty(new LastResortWhy(
                                        LastResortReason.DONG_IN_NO_ZONE,
                                        "dong " + order.dong() + " is in no zone of " + order.district()))
                        : Mono.just(new LastResortWhy(
                                LastResortReason.NO_MEMBER_WITH_ROOM,
                                ranking.order().isEmpty()
                                        ? "none of the " + ranking.candidates().size() + " members offering " + type
                                                + " in the zone has room"
                                        : "the members with room (" + String.join(", ", ranking.order())
                                                + ") filled up while the line was matched"));
        return why.flatMap(reason -> providers
                        .takeAsLastResort(order.district(), type)
                        .map(provider -> explanation(
                                order,
                                line,
                                today,
                                provider,
                                reason.reason(),
                                provider + " takes the line as provider of last resort: " + reason.words(),
                                used)))
                // Retrying cannot conjure up a provider, and the line must not be lost: it waits, unplaced.
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "district",
                        order.district()
                                + " has no provider of last resort for " + type + "; line " + line.lineId()
                                + " cannot be matched")));
    }

    private record LastResortWhy(LastResortReason reason, String words) {}

    /** Who was offered the line and what decided it, in one sentence. */
    private static String summary(Ranking ranking, String provider, List<String> passedOver, int round) {
        int members = ranking.order().size();
        String who =
                provider + AssignmentExplanation.OFFERED + (round > 1 ? " (offer " + round + ", after declines)" : "");
        if (!passedOver.isEmpty()) {
            return who + ", number " + (passedOver.size() + 1) + " of the " + members + " members with room: "
                    + String.join(", ", passedOver) + " filled up while the line was matched";
        }
        if (members == 1) {
            return who + ", the only member with room";
        }
        String ahead = ranking.candidates().get(0).ahead();
        return who + ", first of the " + members + " members with room" + (ahead == null ? "" : " (" + ahead + ")");
    }

    private static AssignmentExplanation explanation(
            OrderPlaced order,
            OrderPlaced.Line line,
            LocalDate today,
            String provider,
            @Nullable LastResortReason lastResort,
            String summary,
            Ranking ranking) {
        return new AssignmentExplanation(
                line.lineId(),
                line.serviceType(),
                order.district(),
                order.dong(),
                today,
                provider,
                lastResort != null,
                lastResort,
                summary,
                MatchingPolicy.RULE,
                ranking,
                List.of());
    }
}
