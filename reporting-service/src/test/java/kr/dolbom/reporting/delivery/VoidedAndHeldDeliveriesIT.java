package kr.dolbom.reporting.delivery;

import static kr.dolbom.events.ServiceType.MEAL_SUPPORT;
import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.held;
import static kr.dolbom.reporting.CareEvents.rejectedDelivery;
import static kr.dolbom.reporting.CareEvents.reversed;
import static kr.dolbom.reporting.CareEvents.units;
import static kr.dolbom.reporting.CareEvents.voided;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;

/** Voids, reversals and holds as matching and billing announce them, each sent twice: every one counts once. */
class VoidedAndHeldDeliveriesIT extends ReportingIntegrationTest {

    // the last day of October, voided and reversed in November: both come off October
    private static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);
    private static final LocalDate NOV_9 = LocalDate.of(2026, 11, 9);

    @Test
    void aVoidedDeliveryAndItsReversedChargeNoLongerCountInTheMonthOfTheDelivery() {
        String provider = unique("meal-jahwal");
        UUID kim = UUID.randomUUID();
        UUID lee = UUID.randomUUID();
        ServiceDelivered struckOut = units(order, MEAL_SUPPORT, district, kim, OCT_31, 10);
        ServiceDelivered kept = units(order, MEAL_SUPPORT, district, lee, OCT_31, 4);
        DeliveryCharged charge = charged(order, district, provider, OCT_31, 20_000, 2_640);
        EventEnvelope[] events = {
            publishTwice(struckOut),
            publish(kept),
            publish(units(order, MEAL_SUPPORT, district, kim, NOV_9, 6)),
            publishTwice(charge),
            publish(charged(order, district, provider, OCT_31, 10_000, 0)),
            publishTwice(voided(struckOut)),
            publishTwice(reversed(charge))
        };
        awaitApplied(events);
        assertThat(timesApplied(events)).isEqualTo(events.length);

        districtKpi("monthly", district, "2026-10")
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(1)
                .jsonPath("$.deliveries.MEAL_SUPPORT.units")
                .isEqualTo(4)
                .jsonPath("$.meals")
                .isEqualTo(4)
                .jsonPath("$.held")
                .isEqualTo(0)
                .jsonPath("$.usersServed.byService.MEAL_SUPPORT")
                .isEqualTo(1)
                .jsonPath("$.usersServed.total")
                .isEqualTo(1)
                .jsonPath("$.charges.count")
                .isEqualTo(2)
                .jsonPath("$.charges.reversals")
                .isEqualTo(1)
                .jsonPath("$.charges.amount")
                .isEqualTo(10_000)
                .jsonPath("$.charges.publicShare")
                .isEqualTo(10_000)
                .jsonPath("$.charges.coPayment")
                .isEqualTo(0)
                .jsonPath("$.charges.reversedAmount")
                .isEqualTo(22_640);
        providerCharges(provider, "2026-10")
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.reversals")
                .isEqualTo(1)
                .jsonPath("$.amount")
                .isEqualTo(10_000)
                .jsonPath("$.coPayment")
                .isEqualTo(0);
        // the struck-out delivery's resident is still served in November by a delivery of her own
        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.meals")
                .isEqualTo(6)
                .jsonPath("$.usersServed.total")
                .isEqualTo(1);
    }

    @Test
    void aHeldDeliveryIsHeldUntilTheWindowReleasesItThenCountsOnceAsDelivered() {
        ServiceDelivered released = units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_9, 8);
        ServiceDelivered rejected = units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_9, 3);
        ServiceDelivered october = units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_9.minusMonths(1), 2);
        awaitApplied(publishTwice(held(released)), publishTwice(held(rejected)), publish(held(october)));
        assertHeldNow(3);
        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.held")
                .isEqualTo(2)
                .jsonPath("$.deliveries.MEAL_SUPPORT.held")
                .isEqualTo(2)
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(0)
                .jsonPath("$.usersServed.total")
                .isEqualTo(0);

        awaitApplied(publishTwice(released), publishTwice(rejectedDelivery(rejected)));
        // the ops view's figure: what still waits for the window, October's too
        assertHeldNow(1);
        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.held")
                .isEqualTo(0)
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(1)
                .jsonPath("$.meals")
                .isEqualTo(8)
                .jsonPath("$.usersServed.total")
                .isEqualTo(1);
    }

    @Test
    void aVoidOfADeliveryNeverCountedTakesNothingOffAndKeepsItFromCounting() {
        ServiceDelivered late = units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_9, 5);
        EventEnvelope kept = publish(units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_9, 2));
        awaitApplied(kept, publish(voided(late)), publish(late));

        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(1)
                .jsonPath("$.meals")
                .isEqualTo(2)
                .jsonPath("$.usersServed.total")
                .isEqualTo(1);
    }

    private void assertHeldNow(long held) {
        get("/api/v1/kpis/queue", Map.of("district", district))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.deliveriesHeld")
                .isEqualTo(held);
    }
}
