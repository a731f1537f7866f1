package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.provider.Candidate;
import kr.dolbom.matching.provider.MatchingPolicy;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives every line of a placed order to a provider (연계) and announces each assignment. Runs inside the
 * consumer's transaction, so the capacity taken, the assignments and their events commit together.
 */
@Service
class LineMatching {

    private static final Logger log = LoggerFactory.getLogger(LineMatching.class);

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
                .flatMap(candidates -> firstWithRoom(candidates, type))
                .map(provider -> LineAssignment.of(order, line, tier, provider, false, today))
                .switchIfEmpty(Mono.defer(() -> providers
                        .takeAsLastResort(order.district(), type)
                        .map(provider -> LineAssignment.of(order, line, tier, provider, true, today))))
                // Dead-lettered at once: retrying cannot conjure up a provider, and the line must not be lost.
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "district",
                        order.district()
                                + " has no provider of last resort for " + type + "; line " + line.lineId()
                                + " cannot be matched")))
                .flatMap(assignment -> {
                    log.info(
                            "Line {} ({}) assigned to {}{}",
                            line.lineId(),
                            type,
                            assignment.providerId(),
                            assignment.lastResort() ? " as provider of last resort" : "");
                    return assignments.insert(assignment).then(outbox.append(assignment.announcement()));
                });
    }

    /** Tries the ranked candidates in turn; one that filled up meanwhile is passed over. */
    private Mono<String> firstWithRoom(List<Candidate> candidates, ServiceType type) {
        return Flux.fromIterable(MatchingPolicy.rank(candidates))
                .concatMap(candidate -> providers
                        .take(candidate.providerId(), type)
                        .filter(Boolean::booleanValue)
                        .map(taken -> candidate.providerId()))
                .next();
    }
}
