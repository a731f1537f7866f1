package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.assignment.AssignmentExplanation.LastResortReason;
import kr.dolbom.matching.provider.MatchingHistory;
import kr.dolbom.matching.provider.MatchingPolicy;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.matching.provider.Ranking;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives every line of a placed order to a provider (연계) and announces each assignment. Runs inside the
 * consumer's transaction, so the capacity taken, the assignments, their explanations and their events commit
 * together.
 */
@Service
class LineMatching {

    private static final Logger log = LoggerFactory.getLogger(LineMatching.class);

    private static final String FILLED_UP = "filled up while the line was matched: passed over";

    private final ProviderStore providers;
    private final AssignmentStore assignments;
    private final Outbox outbox;
    private final Clock clock;

    LineMatching(ProviderStore providers, AssignmentStore assignments, Outbox outbox, Clock clock) {
        this.providers = providers;
        this.assignments = assignments;
        this.outbox = outbox;
        this.clock = clock;
    }

    Mono<Void> assign(OrderPlaced order) {
        LocalDate today = LocalDate.now(clock);
        // Capacity rows are taken in one global order (by service), so concurrent matches cannot deadlock.
        List<OrderPlaced.Line> lines = order.lines().stream()
                .sorted(Comparator.comparing(OrderPlaced.Line::serviceType))
                .toList();
        return assignments
                .confirmedIncomeTier(order.careOrderId())
                .defaultIfEmpty(order.incomeTier())
                .flatMap(tier -> assignments
                        .assignedLines(order.careOrderId())
                        .collectList()
                        // A line assigned already (the same order announced twice) keeps its provider.
                        .flatMapMany(
                                assigned -> Flux.fromIterable(lines).filter(line -> !assigned.contains(line.lineId())))
                        .concatMap(line -> assign(order, line, tier, today))
                        .then());
    }

    private Mono<Void> assign(OrderPlaced order, OrderPlaced.Line line, IncomeTier tier, LocalDate today) {
        ServiceType type = line.serviceType();
        return providers
                .candidates(order.district(), order.dong(), type)
                .collectList()
                .flatMap(candidates ->
                        history(order, type, today).map(history -> MatchingPolicy.rank(candidates, history)))
                .flatMap(ranking -> decide(order, line, ranking, today))
                .flatMap(decision -> {
                    LineAssignment assignment =
                            LineAssignment.of(order, line, tier, decision.providerId(), decision.lastResort(), today);
                    log.info(
                            "Line {} ({}) assigned to {}{}",
                            line.lineId(),
                            type,
                            assignment.providerId(),
                            assignment.lastResort() ? " as provider of last resort" : "");
                    return assignments.insert(assignment, decision).then(outbox.append(assignment.announcement()));
                });
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
     * Offers the line to the ranked members in turn (one that filled up meanwhile is passed over); when none takes
     * it, the public centre does as provider of last resort.
     */
    private Mono<AssignmentExplanation> decide(
            OrderPlaced order, OrderPlaced.Line line, Ranking ranking, LocalDate today) {
        ServiceType type = line.serviceType();
        List<String> ranked = ranking.order();
        Mono<AssignmentExplanation> member = Flux.fromIterable(ranked)
                .concatMap(provider -> providers
                        .take(provider, type)
                        .filter(Boolean::booleanValue)
                        .map(taken -> provider))
                .next()
                .map(provider -> {
                    List<String> passedOver = ranked.subList(0, ranked.indexOf(provider));
                    Ranking used = ranking.noting(passedOver, FILLED_UP);
                    return explanation(order, line, today, provider, null, summary(used, provider, passedOver), used);
                });
        return member.switchIfEmpty(Mono.defer(() -> lastResort(order, line, ranking, today)));
    }

    private Mono<AssignmentExplanation> lastResort(
            OrderPlaced order, OrderPlaced.Line line, Ranking ranking, LocalDate today) {
        ServiceType type = line.serviceType();
        Ranking used = ranking.noting(ranking.order(), FILLED_UP);
        Mono<LastResortWhy> why = ranking.candidates().isEmpty()
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
                // Dead-lettered at once: retrying cannot conjure up a provider, and the line must not be lost.
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "district",
                        order.district()
                                + " has no provider of last resort for " + type + "; line " + line.lineId()
                                + " cannot be matched")));
    }

    private record LastResortWhy(LastResortReason reason, String words) {}

    /** Who got the line and what decided it, in one sentence. */
    private static String summary(Ranking ranking, String provider, List<String> passedOver) {
        int members = ranking.order().size();
        if (!passedOver.isEmpty()) {
            return provider + " gets the line, number " + (passedOver.size() + 1) + " of the " + members
                    + " members with room: " + String.join(", ", passedOver) + " filled up while the line was matched";
        }
        if (members == 1) {
            return provider + " gets the line, the only member with room";
        }
        String ahead = ranking.candidates().get(0).ahead();
        return provider + " gets the line, first of the " + members + " members with room"
                + (ahead == null ? "" : " (" + ahead + ")");
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
                ranking);
    }
}
