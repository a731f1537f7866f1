package kr.dolbom.reporting.delivery;

import static kr.dolbom.events.ServiceType.HOUSING_REPAIR;
import static kr.dolbom.events.ServiceType.MEAL_SUPPORT;
import static kr.dolbom.events.ServiceType.MOBILITY_SUPPORT;
import static kr.dolbom.events.ServiceType.TEMPORARY_HOME_CARE;
import static kr.dolbom.reporting.CareEvents.delivered;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.units;
import static kr.dolbom.reporting.CareEvents.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeliveryKpisIT extends ReportingIntegrationTest {

    private static final String DEAD_LETTERS = "care.deliveries.v1.reporting-service.dlq";
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);

    @Test
    void aMonthOfDeliveriesAddsUpByServiceInTheMonthOfTheServiceDate() {
        UUID kim = UUID.randomUUID();
        UUID lee = UUID.randomUUID();
        UUID park = UUID.randomUUID();
        awaitApplied(
                // Published just after midnight KST on 1 November for a meal of 31 October: it counts in October.
                publish(
                        units(UUID.randomUUID(), MEAL_SUPPORT, district, kim, LocalDate.of(2026, 10, 31), 7),
                        Instant.parse("2026-10-31T15:10:00Z")),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, kim, NOV_2, 10)),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, kim, LocalDate.of(2026, 11, 9), 12)),
                publish(units(UUID.randomUUID(), HOUSING_REPAIR, district, park, LocalDate.of(2026, 11, 10), 1)),
                publish(visit(
                        UUID.randomUUID(),
                        TEMPORARY_HOME_CARE,
                        district,
                        kim,
                        LocalDate.of(2026, 11, 5),
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 30))),
                publish(visit(
                        UUID.randomUUID(),
                        TEMPORARY_HOME_CARE,
                        district,
                        lee,
                        LocalDate.of(2026, 11, 6),
                        LocalTime.of(14, 0),
                        LocalTime.of(15, 0))),
                publish(visit(
                        UUID.randomUUID(),
                        MOBILITY_SUPPORT,
                        district,
                        park,
                        LocalDate.of(2026, 11, 7),
                        LocalTime.of(10, 0),
                        LocalTime.of(10, 45))),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, lee, LocalDate.of(2026, 11, 30), 5)),
                publish(visit(
                        UUID.randomUUID(),
                        MOBILITY_SUPPORT,
                        district,
                        kim,
                        LocalDate.of(2026, 12, 1),
                        LocalTime.of(10, 0),
                        LocalTime.of(12, 0))),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, unique("seodaemun"), kim, NOV_2, 100)));

        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(3)
                .jsonPath("$.deliveries.MEAL_SUPPORT.units")
                .isEqualTo(27)
                .jsonPath("$.deliveries.MEAL_SUPPORT.minutes")
                .isEqualTo(0)
                .jsonPath("$.deliveries.HOUSING_REPAIR.deliveries")
                .isEqualTo(1)
                .jsonPath("$.deliveries.HOUSING_REPAIR.units")
                .isEqualTo(1)
                .jsonPath("$.deliveries.TEMPORARY_HOME_CARE.deliveries")
                .isEqualTo(2)
                .jsonPath("$.deliveries.TEMPORARY_HOME_CARE.minutes")
                .isEqualTo(210)
                .jsonPath("$.deliveries.TEMPORARY_HOME_CARE.units")
                .isEqualTo(0)
                .jsonPath("$.deliveries.MOBILITY_SUPPORT.deliveries")
                .isEqualTo(1)
                .jsonPath("$.deliveries.MOBILITY_SUPPORT.minutes")
                .isEqualTo(45)
                .jsonPath("$.meals")
                .isEqualTo(27);
        districtKpi("meal-volume", district, "2026-11").jsonPath("$.meals").isEqualTo(27);
        districtKpi("meal-volume", district, "2026-10").jsonPath("$.meals").isEqualTo(7);
        districtKpi("monthly", district, "2026-12")
                .jsonPath("$.deliveries.MOBILITY_SUPPORT.minutes")
                .isEqualTo(120)
                .jsonPath("$.meals")
                .isEqualTo(0);
    }

    @Test
    void usersServedCountsEachResidentOncePerServiceAndOnceInAll() {
        UUID kim = UUID.randomUUID();
        UUID lee = UUID.randomUUID();
        UUID park = UUID.randomUUID();
        awaitApplied(
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, kim, NOV_2, 10)),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, kim, LocalDate.of(2026, 11, 16), 10)),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, lee, NOV_2, 10)),
                publish(visit(
                        UUID.randomUUID(),
                        TEMPORARY_HOME_CARE,
                        district,
                        kim,
                        NOV_2,
                        LocalTime.of(9, 0),
                        LocalTime.of(10, 0))),
                publish(visit(
                        UUID.randomUUID(),
                        MOBILITY_SUPPORT,
                        district,
                        park,
                        NOV_2,
                        LocalTime.of(9, 0),
                        LocalTime.of(10, 0))),
                publish(units(UUID.randomUUID(), MEAL_SUPPORT, district, park, LocalDate.of(2026, 12, 1), 10)));

        districtKpi("users-served", district, "2026-11")
                .jsonPath("$.byService.MEAL_SUPPORT")
                .isEqualTo(2)
                .jsonPath("$.byService.TEMPORARY_HOME_CARE")
                .isEqualTo(1)
                .jsonPath("$.byService.MOBILITY_SUPPORT")
                .isEqualTo(1)
                .jsonPath("$.byService.HOUSING_REPAIR")
                .isEqualTo(0)
                .jsonPath("$.total")
                .isEqualTo(3);
        districtKpi("users-served", district, "2026-12")
                .jsonPath("$.byService.MEAL_SUPPORT")
                .isEqualTo(1)
                .jsonPath("$.total")
                .isEqualTo(1);
    }

    /**
     * 긴급돌봄: the residents served on urgent lines and their service-days, whether a delivery or its line's order is
     * heard first; a paid absence is no service-day, an ordinary line's delivery no emergency care.
     */
    @Test
    void emergencyCareCountsTheResidentsAndServiceDaysOfUrgentLines() {
        UUID kim = UUID.randomUUID();
        UUID lee = UUID.randomUUID();
        OrderPlaced kims = placed(district, NOV_2, true, 2);
        OrderPlaced lees = placed(district, NOV_2, true, 1);
        OrderPlaced ordinary = placed(district, NOV_2, false, 1);
        LocalDate nov3 = NOV_2.plusDays(1);
        awaitApplied(
                // heard before the order that makes its line urgent
                publish(delivered(kims, 0, kim, nov3, true)),
                publish(kims),
                publish(lees),
                publish(ordinary),
                // two lines, one day
                publish(delivered(kims, 1, kim, nov3, true)),
                publish(delivered(kims, 0, kim, nov3.plusDays(1), true)),
                publish(delivered(kims, 0, kim, nov3.plusDays(2), false)),
                publish(delivered(lees, 0, lee, nov3, true)),
                publish(delivered(ordinary, 0, UUID.randomUUID(), nov3, true)),
                publish(delivered(kims, 0, kim, LocalDate.of(2026, 12, 1), true)));

        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.emergencyCare.users")
                .isEqualTo(2)
                .jsonPath("$.emergencyCare.serviceDays")
                .isEqualTo(3)
                .jsonPath("$.usersServed.total")
                .isEqualTo(3);
        districtKpi("monthly", district, "2026-12")
                .jsonPath("$.emergencyCare.users")
                .isEqualTo(1)
                .jsonPath("$.emergencyCare.serviceDays")
                .isEqualTo(1);
    }

    @Test
    void aRedeliveredDeliveryCountsOnce() {
        UUID resident = UUID.randomUUID();
        EventEnvelope first = publishTwice(units(order, MEAL_SUPPORT, district, resident, NOV_2, 10));
        // The order's next delivery, on the same partition behind both copies: once it counts, so have they.
        EventEnvelope next = publish(units(order, MEAL_SUPPORT, district, resident, LocalDate.of(2026, 11, 9), 4));
        awaitApplied(first, next);

        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(2)
                .jsonPath("$.meals")
                .isEqualTo(14)
                .jsonPath("$.usersServed.total")
                .isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheConsumerKeepsGoing() {
        sendRaw(order, "kr.dolbom.care.service.delivered.v1", "{not json");
        sendRaw(
                order,
                "kr.dolbom.care.service.teleported.v1",
                json(units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_2, 50)));
        // Behind both on the same partition: counting it shows the consumer got past them.
        EventEnvelope good = publish(units(order, MEAL_SUPPORT, district, UUID.randomUUID(), NOV_2, 4));

        var deadLetters =
                eventually().until(() -> KAFKA.recordsWithKey(DEAD_LETTERS, order), records -> records.size() == 2);
        assertThat(deadLetters)
                .extracting(record -> KafkaTestClient.header(record, "kafka_dlt-exception-message"))
                .anySatisfy(reason -> assertThat(reason).contains("unreadable kr.dolbom.care.service.delivered.v1"))
                .anySatisfy(reason ->
                        assertThat(reason).contains("unknown event type kr.dolbom.care.service.teleported.v1"));
        assertThat(deadLetters)
                .extracting(ConsumerRecord::value)
                .extracting(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .contains("{not json");
        awaitApplied(good);
        districtKpi("meal-volume", district, "2026-11").jsonPath("$.meals").isEqualTo(4);
    }

    @Test
    void aDeliveryThatCannotBeCountedIsDeadLetteredInsteadOfCountedWrong() {
        UUID resident = UUID.randomUUID();
        // No producer of ours can build a visit that ends before it starts, so it is forged from a good one.
        String endsBeforeItStarts = json(visit(
                        order,
                        TEMPORARY_HOME_CARE,
                        district,
                        resident,
                        NOV_2,
                        LocalTime.of(11, 0),
                        LocalTime.of(12, 0)))
                .replace("\"endTime\":\"12:00:00\"", "\"endTime\":\"09:00:00\"");
        sendRaw(order, "kr.dolbom.care.service.delivered.v1", endsBeforeItStarts);
        EventEnvelope good = publish(
                visit(order, TEMPORARY_HOME_CARE, district, resident, NOV_2, LocalTime.of(13, 0), LocalTime.of(14, 0)));

        var deadLetters =
                eventually().until(() -> KAFKA.recordsWithKey(DEAD_LETTERS, order), records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("endTime 09:00 is not after startTime 11:00");
        awaitApplied(good);
        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.deliveries.TEMPORARY_HOME_CARE.deliveries")
                .isEqualTo(1)
                .jsonPath("$.deliveries.TEMPORARY_HOME_CARE.minutes")
                .isEqualTo(60);
    }

    /** Sends a record as it stands, so that the consumer meets what no producer of ours would publish. */
    private static void sendRaw(UUID order, String type, String payload) {
        KAFKA.sendRaw(CareTopics.DELIVERIES, order.toString(), type, payload);
    }

    private static String json(CareEvent event) {
        return new String(new CareEventCodec().encode(event), StandardCharsets.UTF_8);
    }
}
