package kr.dolbom.reporting.charge;

import static kr.dolbom.reporting.CareEvents.charged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;

class ChargeKpisIT extends ReportingIntegrationTest {

    @Test
    void aMonthOfChargesAddsUpPerProviderAndPerDistrictInWholeWon() {
        String seodaemun = unique("seodaemun");
        String coop = unique("homecare-coop");
        String jahwal = unique("meal-jahwal");
        awaitApplied(
                // basic-livelihood recipient: the public pays it all
                publish(charged(UUID.randomUUID(), district, coop, LocalDate.of(2026, 11, 5), 38_340, 0)),
                publish(charged(UUID.randomUUID(), seodaemun, coop, LocalDate.of(2026, 11, 30), 20_000, 2_640)),
                // general citizen: pays in full
                publish(charged(UUID.randomUUID(), district, jahwal, LocalDate.of(2026, 11, 6), 0, 14_800)),
                publish(charged(UUID.randomUUID(), district, coop, LocalDate.of(2026, 10, 31), 48_170, 0)),
                publish(charged(UUID.randomUUID(), district, coop, LocalDate.of(2026, 12, 1), 56_320, 0)));

        providerCharges(coop, "2026-11")
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.amount")
                .isEqualTo(60_980)
                .jsonPath("$.publicShare")
                .isEqualTo(58_340)
                .jsonPath("$.coPayment")
                .isEqualTo(2_640);
        providerCharges(jahwal, "2026-11")
                .jsonPath("$.count")
                .isEqualTo(1)
                .jsonPath("$.amount")
                .isEqualTo(14_800)
                .jsonPath("$.publicShare")
                .isEqualTo(0)
                .jsonPath("$.coPayment")
                .isEqualTo(14_800);
        providerCharges(coop, "2026-10").jsonPath("$.amount").isEqualTo(48_170);
        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.charges.count")
                .isEqualTo(2)
                .jsonPath("$.charges.amount")
                .isEqualTo(53_140)
                .jsonPath("$.charges.publicShare")
                .isEqualTo(38_340)
                .jsonPath("$.charges.coPayment")
                .isEqualTo(14_800);
    }

    @Test
    void aRedeliveredChargeCountsOnce() {
        String provider = unique("homecare-coop");
        EventEnvelope first = publishTwice(charged(order, "mapo", provider, LocalDate.of(2026, 11, 5), 38_340, 0));
        // The order's next charge, on the same partition behind both copies: once it counts, so have they.
        EventEnvelope next = publish(charged(order, "mapo", provider, LocalDate.of(2026, 11, 12), 22_640, 0));
        awaitApplied(first, next);

        providerCharges(provider, "2026-11")
                .jsonPath("$.count")
                .isEqualTo(2)
                .jsonPath("$.amount")
                .isEqualTo(60_980);
        assertThat(timesApplied(first)).isEqualTo(1);
    }
}
