package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.CareSos;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.OrderPause;
import kr.dolbom.events.OrderPlaced;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * 계획 승인 후 연계: a placed order is matched once the care manager has approved its care plan, on the lines as the
 * plan narrowed them (its dates, how much in all); an urgent order (긴급) at once, on the request's lines, its plan
 * following later like any revision. Matched means queued: {@link MatchDispatcher} makes the first offers, urgent
 * lines first. An order that ended before its plan was approved is never matched; one on hold is matched and gives
 * the capacity back until it resumes.
 */
@Service
class PlanGate {

    private static final Logger log = LoggerFactory.getLogger(PlanGate.class);

    private final PendingPlacementStore pending;
    private final LineMatching matching;
    private final MatchDispatcher dispatcher;
    private final OrderPauses pauses;
    private final OrderPauseStore pauseStore;
    private final Clock clock;

    PlanGate(
            PendingPlacementStore pending,
            LineMatching matching,
            MatchDispatcher dispatcher,
            OrderPauses pauses,
            OrderPauseStore pauseStore,
            Clock clock) {
        this.pending = pending;
        this.matching = matching;
        this.dispatcher = dispatcher;
        this.pauses = pauses;
        this.pauseStore = pauseStore;
        this.clock = clock;
    }

    Mono<Void> placed(OrderPlaced placed, EventEnvelope envelope) {
        if (placed.urgent()) {
            return queue(placed, false, envelope.time());
        }
        log.info("Care order {} waits for its approved care plan before it is matched", placed.careOrderId());
        return pending.keep(placed, envelope.time());
    }

    Mono<Void> planned(CarePlanApproved approved, EventEnvelope envelope) {
        return pending.take(approved.careOrderId())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(waiting -> waiting.isPresent()
                        ? dispatch(waiting.get(), approved, envelope.time())
                        // matched already (urgent, or an earlier version): the plan moves the lines' ends
                        : pauses.planned(approved));
    }

    /** An order that ended while it waited is not matched at all: nothing is left to serve. */
    Mono<Void> ended(UUID careOrderId) {
        return pending.take(careOrderId).then();
    }

    private Mono<Void> dispatch(OrderPlaced placed, CarePlanApproved approved, Instant approvedAt) {
        LocalDate today = LocalDate.now(clock);
        return pauseStore
                .of(placed.careOrderId())
                .defaultIfEmpty(OrderPause.NONE)
                .flatMap(pause -> {
                    if (pause.endsOn() != null) {
                        return Mono.empty();
                    }
                    Optional<OrderPlaced> planned = asPlanned(placed, approved);
                    if (planned.isEmpty()) {
                        return Mono.empty();
                    }
                    // on hold now: the lines wait, parked, and are offered when the order resumes
                    return queue(planned.get(), pause.refusal(today) != null, approvedAt);
                });
    }

    /** The lines wait for the dispatcher, which this transaction's commit wakes; parked ones for the resumption. */
    private Mono<Void> queue(OrderPlaced order, boolean parked, Instant matchableSince) {
        Mono<Void> queued = matching.queue(order, parked, matchableSince);
        return parked ? queued : queued.then(dispatcher.wakeAfterCommit());
    }

    /** The placed order with the plan's lines: its dates, and how much in all; lines the plan ended are left out. */
    static Optional<OrderPlaced> asPlanned(OrderPlaced placed, CarePlanApproved approved) {
        Map<UUID, OrderPlaced.Line> requested =
                placed.lines().stream().collect(Collectors.toMap(OrderPlaced.Line::lineId, Function.identity()));
        List<OrderPlaced.Line> lines = approved.lines().stream()
                .filter(line -> requested.containsKey(line.lineId())
                        && !line.plannedDates().isEmpty())
                .map(line -> new OrderPlaced.Line(
                        line.lineId(),
                        line.serviceType(),
                        Math.min(CareSos.MOST_PER_LINE, line.plannedDates().size() * line.quantityPerOccurrence()),
                        line.minutesPerVisit(),
                        line.startsOn(),
                        line.endsOn()))
                .toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new OrderPlaced(
                placed.careOrderId(),
                placed.residentRef(),
                placed.district(),
                placed.dong(),
                placed.incomeTier(),
                placed.urgent(),
                placed.channel(),
                placed.requestedOn(),
                lines));
    }
}
