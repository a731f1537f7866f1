package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An order's hold and cancellation as matching hears them: capacity given back, deliveries in them refused. */
class OrderPausesIT extends MatchingIntegrationTest {

    private final LocalDate today = LocalDate.now(kr.dolbom.platform.PlatformAutoConfiguration.SEOUL);

    @Test
    void aHoldGivesTheCapacityBackRefusesDeliveriesInItAndAResumeTakesItAgain() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope placed = district.order().meals(20).placed();
        OrderPlaced order = (OrderPlaced) placed.data();
        KAFKA.publish(placed);
        LineAssigned line = members().acceptAll(placed, 1).get(0);
        assertThat(line.providerId()).isEqualTo(kitchen);
        assertThat(activeLines(kitchen)).isEqualTo(1);
        assignedDaysAgo(line.lineId(), 7);
        report(line, today.minusDays(6)).expectStatus().isCreated();

        EventEnvelope hold = event(new OrderPutOnHold(
                order.careOrderId(), district.name(), HoldReason.HOSPITAL_ADMISSION, today.minusDays(4), null));
        KAFKA.publish(hold);
        KAFKA.publish(hold); // redelivered: one hold, capacity given back once
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", placed.subject());
        eventually().until(() -> activeLines(kitchen) == 0);
        report(line, today.minusDays(3))
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("serviceDate")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).contains("on hold from " + today.minusDays(4)));
        // before the hold is still the order's
        report(line, today.minusDays(5)).expectStatus().isCreated();

        KAFKA.publish(event(new OrderResumed(order.careOrderId(), district.name(), today.minusDays(1))));
        eventually().until(() -> activeLines(kitchen) == 1);
        report(line, today.minusDays(1)).expectStatus().isCreated();
        report(line, today.minusDays(2)).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);

        KAFKA.publish(
                event(new OrderCancelled(order.careOrderId(), district.name(), CancelReason.RESIDENT_MOVED, today)));
        eventually().until(() -> activeLines(kitchen) == 0);
        report(line, today)
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat(message.toString()).contains("RESIDENT_MOVED"));
        assertThat(count("select count(*) from delivery where line_id = '" + line.lineId() + "'"))
                .isEqualTo(3);
    }

    @Test
    void anApprovedPlanEndsALineEarlierGivingItsCapacityBackOnceAndRefusingLaterDeliveries() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope placed = district.order().meals(20).placed();
        OrderPlaced order = (OrderPlaced) placed.data();
        KAFKA.publish(placed);
        LineAssigned line = members().acceptAll(placed, 1).get(0);
        assertThat(activeLines(kitchen)).isEqualTo(1);

        EventEnvelope plan = event(new CarePlanApproved(
                order.careOrderId(),
                district.name(),
                2,
                today,
                List.of(new CarePlanApproved.Line(
                        line.lineId(),
                        ServiceType.MEAL_SUPPORT,
                        1,
                        null,
                        "FREQ=DAILY",
                        today.minusDays(7),
                        today.minusDays(1),
                        List.of())),
                List.of()));
        KAFKA.publish(plan);
        KAFKA.publish(plan); // redelivered: the capacity goes back once
        eventually().until(() -> activeLines(kitchen) == 0);
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", placed.subject());

        report(line, today)
                .expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("serviceDate");
        report(line, today.minusDays(1)).expectStatus().isCreated();
        assertThat(count("select sum(active_lines) from provider_service where provider_id = '" + kitchen + "'"))
                .isZero();
    }

    @Test
    void anOrderThatIsNotUrgentIsMatchedOnlyOnceItsPlanIsApprovedAndAsThePlanSays() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope placed = district.order().meals(30).awaitingPlan().placed();
        OrderPlaced order = (OrderPlaced) placed.data();
        OrderPlaced.Line meals = order.lines().get(0);
        KAFKA.publish(placed);
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", placed.subject());
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, placed.subject(), LineAssigned.class))
                .as("no plan, no provider")
                .isEmpty();
        assertThat(activeLines(kitchen)).isZero();

        List<LocalDate> days = List.of(today.minusDays(2), today.minusDays(1), today.plusDays(1));
        KAFKA.publish(event(plan(order, meals, days, today.plusDays(1))));
        LineAssigned line = members().acceptAll(placed, 1).get(0);
        assertThat(line.providerId()).isEqualTo(kitchen);
        assertThat(count("select quantity from line_assignment where line_id = '" + meals.lineId() + "'"))
                .as("two meals on each of three planned days")
                .isEqualTo(6);
        report(line, today.minusDays(1)).expectStatus().isCreated();
        assertThat(count("select count(*) from line_assignment where line_id = '" + meals.lineId() + "' and ends_on = '"
                        + today.plusDays(1) + "'"))
                .isEqualTo(1);
    }

    @Test
    void anOrderCancelledBeforeItsPlanWasApprovedIsNeverMatched() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope placed = district.order().meals(10).awaitingPlan().placed();
        OrderPlaced order = (OrderPlaced) placed.data();
        KAFKA.publish(placed);
        KAFKA.publish(
                event(new OrderCancelled(order.careOrderId(), district.name(), CancelReason.RESIDENT_DECLINED, today)));
        KAFKA.publish(event(plan(order, order.lines().get(0), List.of(today), today)));
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", placed.subject());

        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, placed.subject(), LineAssigned.class))
                .isEmpty();
        assertThat(activeLines(kitchen)).isZero();
        assertThat(count("select count(*) from pending_placement where care_order_id = '" + order.careOrderId() + "'"))
                .isZero();
    }

    static CarePlanApproved plan(OrderPlaced order, OrderPlaced.Line line, List<LocalDate> days, LocalDate end) {
        return new CarePlanApproved(
                order.careOrderId(),
                order.district(),
                1,
                line.startsOn(),
                List.of(new CarePlanApproved.Line(
                        line.lineId(), line.serviceType(), 2, null, "RDATE", line.startsOn(), end, days)),
                List.of());
    }

    private EventEnvelope event(CareEvent event) {
        return EventEnvelope.of(event, "/dolbom/intake-service", Instant.now());
    }

    private WebTestClient.ResponseSpec report(LineAssigned line, LocalDate day) {
        return as(TestTokens.provider(line.district(), line.providerId()))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "lineId",
                        line.lineId(),
                        "providerId",
                        line.providerId(),
                        "serviceDate",
                        day.toString(),
                        "units",
                        1,
                        "workerRef",
                        "DRIVER-01",
                        "outcome",
                        "DELIVERED"))
                .exchange();
    }
}
