package kr.dolbom.reporting.order;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;

class OrderKpisIT extends ReportingIntegrationTest {

    @Test
    void ordersCountInTheMonthTheyWereRequestedAndLinesInTheMonthTheyWereAssigned() {
        awaitApplied(
                publish(placed(district, LocalDate.of(2026, 11, 2), true, 2)),
                publish(placed(district, LocalDate.of(2026, 11, 15), false, 1)),
                publish(placed(district, LocalDate.of(2026, 11, 30), false, 1)),
                publish(rejected(district, LocalDate.of(2026, 11, 3))),
                publish(placed(district, LocalDate.of(2026, 10, 31), true, 5)),
                publish(placed(district, LocalDate.of(2026, 12, 1), true, 3)),
                publish(assigned(UUID.randomUUID(), district, LocalDate.of(2026, 11, 3), false)),
                publish(assigned(UUID.randomUUID(), district, LocalDate.of(2026, 11, 4), true)),
                publish(assigned(UUID.randomUUID(), district, LocalDate.of(2026, 11, 30), false)),
                publish(assigned(UUID.randomUUID(), district, LocalDate.of(2026, 10, 31), true)),
                publish(placed(unique("seodaemun"), LocalDate.of(2026, 11, 2), true, 4)));

        districtKpi("orders", district, "2026-11")
                .jsonPath("$.placed")
                .isEqualTo(3)
                .jsonPath("$.rejected")
                .isEqualTo(1)
                .jsonPath("$.urgent")
                .isEqualTo(1)
                .jsonPath("$.linesRequested")
                .isEqualTo(4)
                .jsonPath("$.linesAssigned")
                .isEqualTo(3)
                .jsonPath("$.lastResort")
                .isEqualTo(1)
                .jsonPath("$.matchRate")
                .isEqualTo(0.75)
                .jsonPath("$.lastResortShare")
                .isEqualTo(0.3333);
        districtKpi("orders", district, "2026-10")
                .jsonPath("$.placed")
                .isEqualTo(1)
                .jsonPath("$.urgent")
                .isEqualTo(1)
                .jsonPath("$.linesRequested")
                .isEqualTo(5)
                .jsonPath("$.linesAssigned")
                .isEqualTo(1)
                .jsonPath("$.matchRate")
                .isEqualTo(0.2)
                .jsonPath("$.lastResortShare")
                .isEqualTo(1.0);
        String body = text(districtKpi("orders", district, "2026-11"));
        assertThat(body).as("shares are exact decimals with four places").contains("\"matchRate\":0.7500");
    }

    @Test
    void offersCountInTheMonthTheyWereMadeAnswersInTheMonthOfTheAnswerAndARedeliveryOnce() {
        UUID order = UUID.randomUUID();
        Instant offeredAt = Instant.parse("2026-11-30T14:00:00Z"); // 23:00 in Seoul, 30 November
        LineOffered first = offered(order, offeredAt, LocalDate.of(2026, 11, 30));
        LineOffered second = offered(order, offeredAt.plusSeconds(3600), LocalDate.of(2026, 12, 1));
        LineOffered third = offered(order, offeredAt.plusSeconds(7200), LocalDate.of(2026, 12, 1));
        awaitApplied(
                publish(first),
                publishTwice(declined(first, DeclineReason.NO_WORKER_AVAILABLE, LocalDate.of(2026, 11, 30))),
                publish(second),
                publish(declined(second, DeclineReason.EXPIRED, LocalDate.of(2026, 12, 1))),
                publish(third),
                publish(new OfferAccepted(
                        order,
                        third.lineId(),
                        third.offerId(),
                        ServiceType.MEAL_SUPPORT,
                        third.providerId(),
                        district,
                        false,
                        third.offeredAt(),
                        third.offeredAt().plusSeconds(45 * 60),
                        LocalDate.of(2026, 12, 1))));

        districtKpi("orders", district, "2026-11")
                .jsonPath("$.offers.offered")
                .isEqualTo(1)
                .jsonPath("$.offers.declined")
                .isEqualTo(1)
                .jsonPath("$.offers.accepted")
                .isEqualTo(0)
                .jsonPath("$.offers.meanMinutesToAcceptance")
                .doesNotExist();
        districtKpi("orders", district, "2026-12")
                .jsonPath("$.offers.offered")
                .isEqualTo(2)
                .jsonPath("$.offers.expired")
                .isEqualTo(1)
                .jsonPath("$.offers.declined")
                .isEqualTo(0)
                .jsonPath("$.offers.accepted")
                .isEqualTo(1)
                .jsonPath("$.offers.meanMinutesToAcceptance")
                .isEqualTo(45.0);
    }

    private LineOffered offered(UUID order, Instant at, LocalDate on) {
        return new LineOffered(
                order,
                UUID.randomUUID(),
                UUID.randomUUID(),
                ServiceType.MEAL_SUPPORT,
                "mapo-meal-jahwal",
                district,
                "mangwon1",
                false,
                1,
                at,
                at.plusSeconds(24 * 3600),
                on);
    }

    private OfferDeclined declined(LineOffered offer, DeclineReason reason, LocalDate on) {
        return new OfferDeclined(
                offer.careOrderId(),
                offer.lineId(),
                offer.offerId(),
                offer.serviceType(),
                offer.providerId(),
                district,
                false,
                reason,
                null,
                offer.offeredAt(),
                offer.offeredAt().plusSeconds(600),
                on);
    }

    @Test
    void holdsResumptionsCancellationsAndCompletionsCountInTheMonthOfTheirOwnDate() {
        UUID held = UUID.randomUUID();
        awaitApplied(
                publish(new OrderPutOnHold(
                        held, district, HoldReason.HOSPITAL_ADMISSION, LocalDate.of(2026, 11, 10), null)),
                publish(new OrderResumed(held, district, LocalDate.of(2026, 12, 2))),
                publish(new OrderCancelled(
                        UUID.randomUUID(), district, CancelReason.RESIDENT_MOVED, LocalDate.of(2026, 11, 20))),
                publish(new OrderCompleted(UUID.randomUUID(), district, LocalDate.of(2026, 11, 30))));

        districtKpi("orders", district, "2026-11")
                .jsonPath("$.changes.held")
                .isEqualTo(1)
                .jsonPath("$.changes.resumed")
                .isEqualTo(0)
                .jsonPath("$.changes.cancelled")
                .isEqualTo(1)
                .jsonPath("$.changes.completed")
                .isEqualTo(1);
        districtKpi("orders", district, "2026-12").jsonPath("$.changes.resumed").isEqualTo(1);
    }

    /** 요청~첫 서비스: by the month of the first delivery; an order not yet served does not count. */
    @Test
    void theWaitFromRequestToFirstServiceCountsInTheMonthOfTheFirstService() {
        OrderPlaced quick = placed(district, LocalDate.of(2026, 10, 29), false, 1);
        OrderPlaced slow = placed(district, LocalDate.of(2026, 11, 2), false, 1);
        OrderPlaced slower = placed(district, LocalDate.of(2026, 11, 3), false, 1);
        OrderPlaced waiting = placed(district, LocalDate.of(2026, 11, 4), false, 1);
        EventEnvelope[] placements = {publish(quick), publish(slow), publish(slower), publish(waiting)};
        awaitApplied(placements);
        awaitApplied(
                publishTwice(new OrderStarted(quick.careOrderId(), district, LocalDate.of(2026, 11, 1))),
                publish(new OrderStarted(slow.careOrderId(), district, LocalDate.of(2026, 11, 12))),
                publish(new OrderStarted(slower.careOrderId(), district, LocalDate.of(2026, 11, 30))));

        districtKpi("orders", district, "2026-11")
                .jsonPath("$.changes.started")
                .isEqualTo(3)
                .jsonPath("$.firstService.orders")
                .isEqualTo(3)
                .jsonPath("$.firstService.medianDays")
                .isEqualTo(10)
                .jsonPath("$.firstService.longestDays")
                .isEqualTo(27)
                .jsonPath("$.firstService.withinSevenDays")
                .isEqualTo(1);
        districtKpi("orders", district, "2026-10")
                .jsonPath("$.firstService.orders")
                .isEqualTo(0)
                .jsonPath("$.firstService.medianDays")
                .doesNotExist();
    }

    @Test
    void aRedeliveredAssignmentCountsOnce() {
        EventEnvelope first = publishTwice(assigned(order, district, LocalDate.of(2026, 11, 5), false));
        // The order's next line, on the same partition behind both copies: once it counts, so have they.
        EventEnvelope second = publish(assigned(order, district, LocalDate.of(2026, 11, 6), true));
        awaitApplied(first, second);

        districtKpi("orders", district, "2026-11")
                .jsonPath("$.linesAssigned")
                .isEqualTo(2)
                .jsonPath("$.lastResort")
                .isEqualTo(1);
        assertThat(timesApplied(first)).isEqualTo(1);
    }
}
