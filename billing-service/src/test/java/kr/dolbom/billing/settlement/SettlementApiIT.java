package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class SettlementApiIT extends BillingIntegrationTest {

    @Test
    void aProvidersMonthAddsUpItsChargesByServiceAndPayer() {
        Deliveries recipient = new Deliveries();
        KAFKA.publish(recipient.homeCareVisit(LocalDate.of(2026, 11, 3), 150));
        KAFKA.publish(recipient.homeCareVisit(LocalDate.of(2026, 11, 30), 240));
        KAFKA.publish(recipient.units(ServiceType.MEAL_SUPPORT, LocalDate.of(2026, 11, 10), 10));
        KAFKA.publish(recipient.homeCareVisit(LocalDate.of(2026, 12, 1), 60)); // next month
        eventually()
                .until(() ->
                        count("select count(*) from charge where provider_id = '" + recipient.provider() + "'") == 4);

        as(TestTokens.billingOfficer("mapo"))
                .get()
                .uri("/api/v1/settlements?provider={p}&month=2026-11", recipient.provider())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.providerId")
                .isEqualTo(recipient.provider())
                .jsonPath("$.month")
                .isEqualTo("2026-11")
                .jsonPath("$.deliveries")
                .isEqualTo(3)
                .jsonPath("$.amount")
                .isEqualTo(38_340 + 56_320 + 60_000)
                .jsonPath("$.publicShare")
                .isEqualTo(38_340 + 56_320 + 60_000)
                .jsonPath("$.coPayment")
                .isEqualTo(0)
                .jsonPath("$.byService[?(@.serviceType == 'TEMPORARY_HOME_CARE')].amount")
                .isEqualTo(94_660)
                .jsonPath("$.byService[?(@.serviceType == 'MEAL_SUPPORT')].deliveries")
                .isEqualTo(1);
    }

    @Test
    void coPaymentsAreSettledApartFromThePublicShare() {
        Deliveries citizen = new Deliveries().forTier(IncomeTier.GENERAL);
        KAFKA.publish(citizen.homeCareVisit(LocalDate.of(2026, 10, 7), 180));
        eventually()
                .until(() ->
                        count("select count(*) from charge where provider_id = '" + citizen.provider() + "'") == 1);

        as(TestTokens.provider("mapo", citizen.provider()))
                .get()
                .uri("/api/v1/settlements?provider={p}&month=2026-10", citizen.provider())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.amount")
                .isEqualTo(48_170)
                .jsonPath("$.publicShare")
                .isEqualTo(0)
                .jsonPath("$.coPayment")
                .isEqualTo(48_170);
    }

    @Test
    void aBillingOfficerSettlesTheProvidersOfItsDistrictOnly() {
        Deliveries deliveries = new Deliveries();
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 3), 150));
        eventually()
                .until(() ->
                        count("select count(*) from charge where provider_id = '" + deliveries.provider() + "'") == 1);

        as(TestTokens.billingOfficer("seodaemun"))
                .get()
                .uri("/api/v1/settlements?provider={p}&month=2026-11", deliveries.provider())
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.provider("mapo", "another-provider"))
                .get()
                .uri("/api/v1/settlements?provider={p}&month=2026-11", deliveries.provider())
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.window("mapo"))
                .get()
                .uri("/api/v1/settlements?provider={p}&month=2026-11", deliveries.provider())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aMonthWithoutDeliveriesSettlesAtZero() {
        as(TestTokens.provider("mapo", "nobody"))
                .get()
                .uri("/api/v1/settlements?provider=nobody&month=2026-11")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.amount")
                .isEqualTo(0)
                .jsonPath("$.byService.length()")
                .isEqualTo(0);
    }

    @Test
    void badParametersAreNamed() {
        as(TestTokens.provider("mapo", "x"))
                .get()
                .uri("/api/v1/settlements?provider=x&month=2026-13")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("month");
        as(TestTokens.billingOfficer("mapo"))
                .get()
                .uri("/api/v1/settlements?month=2026-11")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("provider");
    }
}
