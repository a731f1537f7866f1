package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.platform.PlatformAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The queue of lines waiting for their first offer under a backlog: the dispatcher is held while the consumer queues
 * lines, as a busy dispatcher would leave them, then let go.
 */
class MatchQueueIT extends MatchingIntegrationTest {

    private static final String SOURCE = "/dolbom/intake-service";
    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    @Autowired
    private MatchDispatcher dispatcher;

    @Autowired
    private OfferStore offers;

    @Autowired
    private LineMatching matching;

    @Autowired
    private TransactionalOperator tx;

    @Autowired
    private ObservationRegistry observations;

    @Autowired
    private Clock clock;

    @Test
    void anUrgentLineIsOfferedBeforeTheOrdinaryLinesQueuedAheadOfItAndThoseOldestFirst() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 100, 0);
        district.publicCentre();
        // more than one batch of ordinary lines, each plan approved a millisecond after the one before
        int ordinary = MatchDispatcher.BATCH + 5;
        Instant approvedFrom = Instant.now();
        List<UUID> ordinaryOrders = new ArrayList<>();
        UUID urgentOrder;
        dispatcher.stop();
        try {
            for (int i = 0; i < ordinary; i++) {
                EventEnvelope placed = district.order().meals(5).awaitingPlan().placed();
                OrderPlaced order = (OrderPlaced) placed.data();
                KAFKA.publish(placed);
                KAFKA.publish(EventEnvelope.of(
                        OrderPausesIT.plan(order, order.lines().get(0), List.of(today), today.plusDays(10)),
                        SOURCE,
                        approvedFrom.plusMillis(i)));
                ordinaryOrders.add(order.careOrderId());
            }
            EventEnvelope urgent = district.order().meals(5).placed();
            urgentOrder = ((OrderPlaced) urgent.data()).careOrderId();
            KAFKA.publish(urgent);
            List<UUID> all = new ArrayList<>(ordinaryOrders);
            all.add(urgentOrder);
            eventually().until(() -> queued(all) == ordinary + 1);
            assertThat(offersOf(all)).as("held: nothing offered yet").isEmpty();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            new MatchDispatcher(offers, matching, tx, observations, meters, clock, Duration.ofSeconds(1)).countQueue();
            assertThat(meters.get("dolbom.matching.queue.lines")
                            .tag("urgency", "urgent")
                            .gauge()
                            .value())
                    .isEqualTo(1);
            assertThat(meters.get("dolbom.matching.queue.lines")
                            .tag("urgency", "ordinary")
                            .gauge()
                            .value())
                    .isEqualTo(ordinary);
            double urgentWaited = meters.get("dolbom.matching.queue.oldest")
                    .tag("urgency", "urgent")
                    .gauge()
                    .value();
            assertThat(urgentWaited).isPositive();
            assertThat(meters.get("dolbom.matching.queue.oldest")
                            .tag("urgency", "ordinary")
                            .gauge()
                            .value())
                    .as("the ordinary lines were queued first")
                    .isGreaterThanOrEqualTo(urgentWaited);

            dispatcher.start();

            eventually().until(() -> offersOf(all).size() == ordinary + 1);
            List<UUID> offered = offersOf(all);
            assertThat(offered.get(0)).as("the urgent line first").isEqualTo(urgentOrder);
            assertThat(offered.subList(1, offered.size()))
                    .as("then the ordinary ones, longest queued first")
                    .containsExactlyElementsOf(ordinaryOrders);
            assertThat(queued(all)).isZero();
            assertThat(activeLines(kitchen)).isEqualTo(ordinary + 1);
        } finally {
            dispatcher.start();
        }
    }

    @Test
    void aLineLeftInTheQueueIsOfferedByAFreshDispatcherThatWasNeverToldOfIt() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 10, 0);
        district.publicCentre();
        EventEnvelope before = district.order().meals(5).placed();
        MatchDispatcher fresh = null;
        dispatcher.stop();
        try {
            // queued, then the instance went down before it dispatched anything
            KAFKA.publish(before);
            eventually().until(() -> queued(List.of(careOrderId(before))) == 1);

            // a new dispatcher, nothing in memory, woken by no commit: it reads the rows
            fresh = new MatchDispatcher(
                    offers, matching, tx, observations, new SimpleMeterRegistry(), clock, Duration.ofMillis(200));
            fresh.start();
            assertThat(members().offers(before, 1).get(0).providerId()).isEqualTo(kitchen);

            // queued by a consumer whose commit wakes another dispatcher than this one: found at its next look
            EventEnvelope after = district.order().meals(5).placed();
            KAFKA.publish(after);
            assertThat(members().offers(after, 1).get(0).providerId()).isEqualTo(kitchen);
            assertThat(queued(List.of(careOrderId(before), careOrderId(after)))).isZero();
        } finally {
            if (fresh != null) {
                fresh.stop();
            }
            dispatcher.start();
        }
    }

    @Test
    void aLineWhoseOfferFailsForAReasonOfItsOwnWaitsForTheWindowAndTheLinesBehindItAreOffered() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 10, 0);
        district.publicCentre();
        EventEnvelope broken = district.order().meals(5).placed();
        EventEnvelope behind = district.order().meals(5).placed();
        dispatcher.stop();
        try {
            KAFKA.publish(broken);
            eventually().until(() -> queued(List.of(careOrderId(broken))) == 1);
            KAFKA.publish(behind);
            eventually().until(() -> queued(List.of(careOrderId(behind))) == 1);
            // a row no release of the service can read any more: its first offer fails the same way every time
            db.sql("update line_offering set placed = '[]' where care_order_id = :order")
                    .bind("order", careOrderId(broken))
                    .then()
                    .block();

            dispatcher.start();

            assertThat(members().offers(behind, 1).get(0).providerId()).isEqualTo(kitchen);
            eventually()
                    .until(() -> count("select count(*) from line_offering where care_order_id = '"
                                    + careOrderId(broken) + "' and unplaced like 'its first offer failed%'")
                            == 1);
            assertThat(queued(List.of(careOrderId(broken), careOrderId(behind))))
                    .isZero();
            assertThat(offersOf(List.of(careOrderId(broken)))).isEmpty();
        } finally {
            dispatcher.start();
        }
    }

    @Test
    void theQueuedLinesOfAHeldOrderWaitForItsResumptionAndThoseOfACancelledOneAreNeverOffered() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 10, 0);
        district.publicCentre();
        EventEnvelope held = district.order().meals(5).placed();
        EventEnvelope cancelled = district.order().meals(5).placed();
        EventEnvelope control = district.order().meals(5).placed();
        dispatcher.stop();
        try {
            KAFKA.publish(held);
            KAFKA.publish(cancelled);
            eventually().until(() -> queued(List.of(careOrderId(held), careOrderId(cancelled))) == 2);
            KAFKA.publish(event(new OrderPutOnHold(
                    careOrderId(held), district.name(), HoldReason.HOSPITAL_ADMISSION, today, null)));
            KAFKA.publish(event(new OrderCancelled(
                    careOrderId(cancelled), district.name(), CancelReason.RESIDENT_DECLINED, today)));
            KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", held.subject());
            KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", cancelled.subject());
            assertThat(queued(List.of(careOrderId(held), careOrderId(cancelled))))
                    .isZero();
            KAFKA.publish(control);
            eventually().until(() -> queued(List.of(careOrderId(control))) == 1);
        } finally {
            dispatcher.start();
        }

        // the order queued after them is offered, and they are not
        members().offers(control, 1);
        assertThat(members().offers(held)).isEmpty();
        assertThat(members().offers(cancelled)).isEmpty();
        assertThat(count("select count(*) from line_offering where care_order_id = '" + careOrderId(cancelled) + "'"))
                .isZero();
        assertThat(activeLines(kitchen)).isEqualTo(1);

        KAFKA.publish(event(new OrderResumed(careOrderId(held), district.name(), today)));
        assertThat(members().offers(held, 1).get(0).providerId()).isEqualTo(kitchen);
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", held.subject());
        assertThat(members().offers(held))
                .extracting(LineOffered::round)
                .as("offered once")
                .containsExactly(1);
    }

    /** How many lines of the orders wait in the queue for their first offer. */
    private long queued(List<UUID> orders) {
        return count("select count(*) from line_offering where queued_since is not null and care_order_id in ("
                + in(orders) + ")");
    }

    /** The orders of the offers made of their lines, in the order the offers were made. */
    private List<UUID> offersOf(List<UUID> orders) {
        return db.sql("select care_order_id from line_offer where care_order_id in (" + in(orders)
                        + ") order by offered_at, offer_id")
                .map(row -> row.get("care_order_id", UUID.class))
                .all()
                .collectList()
                .block();
    }

    private static String in(List<UUID> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }

    private static UUID careOrderId(EventEnvelope placed) {
        return ((OrderPlaced) placed.data()).careOrderId();
    }

    private static EventEnvelope event(CareEvent event) {
        return EventEnvelope.of(event, SOURCE, Instant.now());
    }
}
