package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import org.junit.jupiter.api.Test;

/** A resident's 61st hour of 일시재가 in a year is not paid by the public; a new year starts from zero. */
class AnnualCapIT extends BillingIntegrationTest {

    @Test
    void theVisitCrossingSixtyHoursIsSplitAndLaterOnesAreTheResidentsUntilTheNewYear() {
        Deliveries deliveries = new Deliveries();
        // 14 visits of 4 h (56 h) and one of 3 h: 59 h in November and December
        for (int day = 1; day <= 14; day++) {
            KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, day), 240));
        }
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 12, 1), 180));
        awaitCharged(deliveries, 15);

        EventEnvelope crossing = deliveries.homeCareVisit(LocalDate.of(2026, 12, 2), 120);
        KAFKA.publish(crossing);
        KAFKA.publish(crossing); // heard twice: charged, and counted, once
        EventEnvelope beyond = deliveries.homeCareVisit(LocalDate.of(2026, 12, 31), 60);
        KAFKA.publish(beyond);
        EventEnvelope newYear = deliveries.homeCareVisit(LocalDate.of(2027, 1, 1), 60);
        KAFKA.publish(newYear);
        awaitCharged(deliveries, 18);

        Map<String, Object> split = charge(crossing);
        assertThat(split)
                .containsEntry("amount", 38_340L)
                .containsEntry("public_share", 19_170L)
                .containsEntry("co_payment", 19_170L)
                .containsEntry("minutes_beyond_cap", 60);
        assertThat(charge(beyond))
                .containsEntry("public_share", 0L)
                .containsEntry("co_payment", 22_640L)
                .containsEntry("minutes_beyond_cap", 60);
        assertThat(charge(newYear)).containsEntry("public_share", 22_640L).containsEntry("minutes_beyond_cap", 0);
        assertThat(count("select minutes::bigint from care_hours_ledger where resident_ref = '" + deliveries.resident()
                        + "' and year = 2026"))
                .isEqualTo(56 * 60 + 180 + 120 + 60);
        assertThat(KAFKA.events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class))
                .filteredOn(charged -> charged.serviceDate().equals(LocalDate.of(2026, 12, 2)))
                .singleElement()
                .satisfies(charged -> assertThat(charged.coPayment()).isEqualTo(19_170));
    }

    @Test
    void aPaidAbsenceIsBilledAsTheShortestVisitAndTakesNothingFromTheResidentsHours() {
        Deliveries deliveries = new Deliveries();
        EventEnvelope tenMinutesAtTheDoor = deliveries.absence(
                ServiceType.TEMPORARY_HOME_CARE, LocalDate.of(2026, 11, 3), LocalTime.of(9, 0), LocalTime.of(9, 10));
        EventEnvelope threeHoursWaiting = deliveries.absence(
                ServiceType.TEMPORARY_HOME_CARE, LocalDate.of(2026, 11, 4), LocalTime.of(9, 0), LocalTime.of(12, 0));
        KAFKA.publish(tenMinutesAtTheDoor);
        KAFKA.publish(threeHoursWaiting);
        awaitCharged(deliveries, 2);

        assertThat(charge(tenMinutesAtTheDoor))
                .as("the first band of the city's tariff, though the attempt was below its minimum")
                .containsEntry("amount", 22_640L)
                .containsEntry("public_share", 22_640L)
                .containsEntry("minutes_beyond_cap", 0);
        assertThat(charge(threeHoursWaiting)).containsEntry("amount", 22_640L);
        assertThat(count("select count(*) from care_hours_ledger where resident_ref = '" + deliveries.resident()
                        + "' and minutes > 0"))
                .isZero();
    }

    private void awaitCharged(Deliveries deliveries, int charges) {
        eventually()
                .until(() -> count("select count(*) from charge where care_order_id = '" + deliveries.careOrder() + "'")
                        == charges);
    }

    private Map<String, Object> charge(EventEnvelope delivery) {
        return db.sql("select amount, public_share, co_payment, minutes_beyond_cap from charge where delivery_id = :id")
                .bind("id", ((ServiceDelivered) delivery.data()).deliveryId())
                .fetch()
                .one()
                .block();
    }
}
