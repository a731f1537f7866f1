package kr.dolbom.matching.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.matching.provider.ProviderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows an order's holds and end: its providers get their capacity back while it is held or once it ended,
 * take it again when it resumes, and deliveries dated in a hold or after the end are refused (at the report). An
 * approved care plan moves the ends of lines earlier in the same way.
 */
@Service
public class OrderPauses {

    private static final Logger log = LoggerFactory.getLogger(OrderPauses.class);

    private final OrderPauseStore pauses;
    private final AssignmentStore assignments;
    private final ProviderStore providers;
    private final Offering offering;
    private final OfferStore offers;
    private final Clock clock;

    OrderPauses(
            OrderPauseStore pauses,
            AssignmentStore assignments,
            ProviderStore providers,
            Offering offering,
            OfferStore offers,
            Clock clock) {
        this.pauses = pauses;
        this.assignments = assignments;
        this.providers = providers;
        this.offering = offering;
        this.offers = offers;
        this.clock = clock;
    }

    /**
     * 돌봄계획 승인: each line ends where the plan says (a plan only ever ends lines earlier); a line whose end has
     * passed gives its capacity back now rather than at the next sweep.
     */
    Mono<Void> planned(CarePlanApproved approved) {
        LocalDate today = LocalDate.now(clock);
        return Flux.concat(
                        Flux.fromIterable(approved.lines()).map(line -> Map.entry(line.lineId(), line.endsOn())),
                        Flux.fromIterable(approved.ended()).map(ended -> Map.entry(ended.lineId(), ended.endsOn())))
                .concatMap(end -> offers.endBy(end.getKey(), end.getValue())
                        .then(assignments.endBy(end.getKey(), end.getValue())))
                .filter(line -> line.endsOn().isBefore(today))
                .concatMap(line -> assignments
                        .releaseCapacityOfLine(line.lineId())
                        .filter(released -> released)
                        .flatMap(released -> providers.release(line.providerId(), line.serviceType()))
                        .doOnSuccess(done -> log.info(
                                "Line {} of order {} ended by care plan {}",
                                line.lineId(),
                                approved.careOrderId(),
                                approved.version())))
                .then();
    }

    Mono<Void> held(OrderPutOnHold held) {
        return pauses.hold(held.careOrderId(), held.from(), held.reason().name())
                .then(release(held.careOrderId(), "on hold"))
                .then(offering.held(held.careOrderId()));
    }

    Mono<Void> resumed(OrderResumed resumed) {
        return pauses.resume(resumed.careOrderId(), resumed.on())
                .thenMany(assignments.retakeCapacity(resumed.careOrderId(), resumed.on()))
                .concatMap(line -> providers.retake(line.providerId(), line.serviceType()))
                .then(offering.resumed(resumed.careOrderId()));
    }

    Mono<Void> cancelled(OrderCancelled cancelled) {
        return pauses.end(
                        cancelled.careOrderId(),
                        cancelled.on(),
                        cancelled.reason().name())
                .then(release(cancelled.careOrderId(), "cancelled"))
                .then(offering.ended(cancelled.careOrderId(), "the order was cancelled"));
    }

    Mono<Void> completed(OrderCompleted completed) {
        return pauses.end(completed.careOrderId(), completed.on(), "COMPLETED")
                .then(release(completed.careOrderId(), "completed"))
                .then(offering.ended(completed.careOrderId(), "the order was completed"));
    }

    private Mono<Void> release(UUID order, String why) {
        return assignments
                .releaseCapacity(order)
                .concatMap(line -> providers
                        .release(line.providerId(), line.serviceType())
                        .doOnSuccess(done -> log.info(
                                "Line {} of order {} {}: {} gets its capacity back",
                                line.lineId(),
                                order,
                                why,
                                line.providerId())))
                .then();
    }
}
