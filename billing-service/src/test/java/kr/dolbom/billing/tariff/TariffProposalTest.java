package kr.dolbom.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TariffProposalTest {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    @Test
    void aWellFormedProposalIsTheTariffItDescribesAndPricesByIt() {
        Tariff bands = banded(30, band(30, 23_000), band(120, 39_000), band(240, 57_000))
                .tariff("mapo-temporary-home-care-2026-03-01");

        assertThat(bands)
                .isEqualTo(new DurationBands(
                        "mapo-temporary-home-care-2026-03-01",
                        ServiceType.TEMPORARY_HOME_CARE,
                        MARCH,
                        30,
                        List.of(band(30, 23_000), band(120, 39_000), band(240, 57_000))));
        assertThat(bands.price(Usage.minutes(150))).isEqualTo(39_000);
        assertThat(new TariffProposal(
                                ServiceType.MOBILITY_SUPPORT, MARCH, Pricing.TIME_RATE, 30, null, 15_000L, 60, 30, null)
                        .tariff("t")
                        .price(Usage.minutes(90)))
                .isEqualTo(22_500);
        assertThat(unitPrice(ServiceType.MEAL_SUPPORT, 6_500L).tariff("m").price(Usage.units(3)))
                .isEqualTo(19_500);
    }

    @Test
    void pricesAreWholePositiveWonNoLargerThanTheLargestCharge() {
        assertThat(fields(unitPrice(ServiceType.MEAL_SUPPORT, 0L))).containsExactly("unitPrice");
        assertThat(fields(unitPrice(ServiceType.MEAL_SUPPORT, -6_000L))).containsExactly("unitPrice");
        assertThat(fields(unitPrice(ServiceType.MEAL_SUPPORT, 100_000_001L))).containsExactly("unitPrice");
        assertThat(fields(unitPrice(ServiceType.MEAL_SUPPORT, null))).containsExactly("unitPrice");
        assertThatCode(() -> unitPrice(ServiceType.MEAL_SUPPORT, 100_000_000L).tariff("m"))
                .doesNotThrowAnyException();
        assertThat(fields(banded(30, band(30, 0)))).containsExactly("bands[0].amount");
        assertThat(fields(new TariffProposal(
                        ServiceType.MOBILITY_SUPPORT, MARCH, Pricing.TIME_RATE, 30, null, -1L, 60, 30, null)))
                .containsExactly("rate");
    }

    @Test
    void bandsRiseInLengthNeverFallInPriceAndCoverTheMinimum() {
        assertThat(fields(banded(30))).containsExactly("bands");
        assertThat(fields(banded(30, band(30, 22_640), band(30, 38_340)))).containsExactly("bands[1].fromMinutes");
        assertThat(fields(banded(30, band(120, 38_340), band(30, 22_640)))).contains("bands[1].fromMinutes");
        assertThat(fields(banded(30, band(30, 38_340), band(120, 22_640)))).containsExactly("bands[1].amount");
        assertThat(fields(banded(30, band(60, 22_640)))).containsExactly("bands[0].fromMinutes");
        assertThat(fields(banded(30, band(30, 22_640), band(721, 60_000)))).containsExactly("bands[1].fromMinutes");
        assertThat(fields(banded(30, band(30, 22_640), null))).containsExactly("bands[1]");
        assertThat(fields(banded(0, band(30, 22_640)))).contains("minimumMinutes");
    }

    @Test
    void aPricingPricesWhatItsServiceReportsAndTakesOnlyItsOwnFields() {
        assertThat(fields(unitPrice(ServiceType.TEMPORARY_HOME_CARE, 5_000L))).containsExactly("pricing");
        assertThat(fields(new TariffProposal(
                        ServiceType.MEAL_SUPPORT,
                        MARCH,
                        Pricing.DURATION_BANDS,
                        30,
                        List.of(band(30, 5_000)),
                        null,
                        null,
                        null,
                        null)))
                .containsExactly("pricing");
        assertThat(fields(new TariffProposal(
                        ServiceType.MEAL_SUPPORT, MARCH, Pricing.UNIT_PRICE, 30, null, null, null, null, 6_000L)))
                .containsExactly("minimumMinutes");
        assertThat(fields(new TariffProposal(
                        ServiceType.MOBILITY_SUPPORT, MARCH, Pricing.TIME_RATE, 20, null, 14_800L, 60, 30, null)))
                .containsExactly("minimumMinutes");
    }

    @Test
    void aTariffStartsOnlyAfterTheDistrictsLatestClosedMonth() {
        YearMonth closed = YearMonth.of(2026, 2);

        assertThat(refusal(LocalDate.of(2026, 2, 28), closed).violations())
                .extracting(RuleViolation.Violation::field)
                .containsExactly("validFrom");
        RuleViolation before = refusal(LocalDate.of(2025, 12, 1), closed);
        assertThat(before.kind()).isEqualTo(RuleViolation.Kind.REFUSED);
        assertThat(before.properties()).containsEntry("closedMonth", "2026-02");
        assertThat(before.getMessage()).contains("2026-02", "2026-03-01");
        assertThatCode(() -> TariffProposal.requireAfterClosed("mapo", MARCH, closed))
                .doesNotThrowAnyException();
        assertThatCode(() -> TariffProposal.requireAfterClosed("mapo", LocalDate.of(2020, 1, 1), null))
                .as("no month closed yet: any day")
                .doesNotThrowAnyException();
    }

    private static RuleViolation refusal(LocalDate validFrom, YearMonth closed) {
        return catchThrowableOfType(
                RuleViolation.class, () -> TariffProposal.requireAfterClosed("mapo", validFrom, closed));
    }

    private static List<String> fields(TariffProposal proposal) {
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, () -> proposal.tariff("x"));
        assertThat(violation).as("refused: %s", proposal).isNotNull();
        assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
        return violation.violations().stream()
                .map(RuleViolation.Violation::field)
                .toList();
    }

    private static TariffProposal banded(int minimum, DurationBands.@Nullable Band... bands) {
        return new TariffProposal(
                ServiceType.TEMPORARY_HOME_CARE,
                MARCH,
                Pricing.DURATION_BANDS,
                minimum,
                Arrays.asList(bands),
                null,
                null,
                null,
                null);
    }

    private static TariffProposal unitPrice(ServiceType type, @Nullable Long price) {
        return new TariffProposal(type, MARCH, Pricing.UNIT_PRICE, null, null, null, null, null, price);
    }

    private static DurationBands.Band band(int from, long amount) {
        return new DurationBands.Band(from, amount);
    }
}
