package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.billing.tariff.CareSos2021;
import kr.dolbom.billing.tariff.TariffStore;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.KafkaTestClient;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DeliveryChargingIT extends BillingIntegrationTest {

    private static final String DEAD_LETTERS = CareTopics.deadLetter(CareTopics.DELIVERIES, "billing-service");
    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);

    @Autowired
    TariffStore tariffs;

    @Test
    void theRecordedCareSosTariffsAreTheOnesThePricingRulesWereTestedWith() {
        assertThat(tariffs.inForce("mapo", ServiceType.TEMPORARY_HOME_CARE, NOV_5)
                        .block())
                .isEqualTo(CareSos2021.HOME_CARE);
        assertThat(tariffs.inForce("mapo", ServiceType.MOBILITY_SUPPORT, NOV_5).block())
                .isEqualTo(CareSos2021.MOBILITY);
    }

    @Test
    void aTwoAndAHalfHourVisitForARecipientIsCharged38340WonAllPublic() {
        Deliveries deliveries = new Deliveries();
        EventEnvelope visit = deliveries.homeCareVisit(NOV_5, 150);

        KAFKA.publish(visit);

        DeliveryCharged charged = charges(deliveries, 1).get(0);
        assertThat(charged.amount()).isEqualTo(38_340);
        assertThat(charged.publicShare()).isEqualTo(38_340);
        assertThat(charged.coPayment()).isZero();
        assertThat(charged.tariffId()).isEqualTo("care-sos-2021-home-care");
        assertThat(charged.deliveryId()).isEqualTo(((kr.dolbom.events.ServiceDelivered) visit.data()).deliveryId());
        as(TestTokens.billingOfficer("mapo"))
                .get()
                .uri("/api/v1/charges/by-delivery/{id}", charged.deliveryId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.amount")
                .isEqualTo(38_340)
                .jsonPath("$.minutes")
                .isEqualTo(150)
                .jsonPath("$.tariffId")
                .isEqualTo("care-sos-2021-home-care");
        as(TestTokens.billingOfficer("mapo"))
                .get()
                .uri("/api/v1/charges/by-delivery/{id}", java.util.UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aCitizenOutsideTheLowIncomeTiersPaysTheWholeAmount() {
        Deliveries deliveries = new Deliveries().forTier(IncomeTier.GENERAL);

        KAFKA.publish(deliveries.visit(
                ServiceType.MOBILITY_SUPPORT, NOV_5, java.time.LocalTime.of(10, 0), java.time.LocalTime.of(11, 30)));

        DeliveryCharged charged = charges(deliveries, 1).get(0);
        assertThat(charged.amount()).isEqualTo(22_200);
        assertThat(charged.publicShare()).isZero();
        assertThat(charged.coPayment()).isEqualTo(22_200);
    }

    @Test
    void mealsArePricedByTheConfiguredPriceInForceOnTheirDay() {
        Deliveries deliveries = new Deliveries();

        KAFKA.publish(deliveries.units(ServiceType.MEAL_SUPPORT, LocalDate.of(2025, 12, 31), 10));
        KAFKA.publish(deliveries.units(ServiceType.MEAL_SUPPORT, LocalDate.of(2026, 1, 1), 10));

        assertThat(charges(deliveries, 2))
                .extracting(DeliveryCharged::serviceDate, DeliveryCharged::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 12, 31), 50_000L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 1, 1), 60_000L));
    }

    @Test
    void aDeliveryReportedTwiceIsChargedOnce() {
        Deliveries deliveries = new Deliveries();
        EventEnvelope visit = deliveries.homeCareVisit(NOV_5, 60);

        KAFKA.publish(visit);
        KAFKA.publish(visit);
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", deliveries.careOrder());

        assertThat(KAFKA.events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class))
                .hasSize(1);
        assertThat(count("select count(*) from charge where provider_id = '" + deliveries.provider() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aDeliveryWithoutATariffIsDeadLetteredWithTheReasonAndNeverChargedAtZero() {
        Deliveries deliveries = new Deliveries();

        KAFKA.publish(deliveries.units(ServiceType.HOUSING_REPAIR, NOV_5, 1));
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2020, 12, 31), 120));

        var deadLetters = eventually()
                .until(
                        () -> KAFKA.recordsWithKey(DEAD_LETTERS, deliveries.careOrder()),
                        records -> records.size() == 2);
        assertThat(deadLetters)
                .extracting(record -> KafkaTestClient.header(record, "kafka_dlt-exception-message"))
                .anySatisfy(
                        reason -> assertThat(reason).contains("no tariff for HOUSING_REPAIR in force on 2026-11-05"))
                .anySatisfy(reason ->
                        assertThat(reason).contains("no tariff for TEMPORARY_HOME_CARE in force on 2020-12-31"));
        assertThat(count("select count(*) from charge where provider_id = '" + deliveries.provider() + "'"))
                .isZero();
    }

    @Test
    void aVisitTooShortToBillIsDeadLetteredRatherThanPricedWrong() {
        Deliveries deliveries = new Deliveries();
        // The contract no longer builds a 20-minute visit, so it is forged the way a faulty producer would write it.
        EventEnvelope visit = deliveries.homeCareVisit(NOV_5, 60);
        String json = new String(new CareEventCodec().encode(visit.data()), StandardCharsets.UTF_8);

        KAFKA.send(
                CareTopics.DELIVERIES,
                visit.subject(),
                json.replaceFirst("\"endTime\":\"[^\"]+\"", "\"endTime\":\"09:20:00\"")
                        .getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.of(visit));

        var deadLetters = eventually()
                .until(
                        () -> KAFKA.recordsWithKey(DEAD_LETTERS, deliveries.careOrder()),
                        records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("at least 30 minutes");
    }

    private List<DeliveryCharged> charges(Deliveries deliveries, int expected) {
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class),
                        charges -> charges.size() == expected);
    }
}
