package kr.dolbom.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffTest {

    @ParameterizedTest(name = "a {0}-minute home-care visit costs {1} KRW")
    @CsvSource({
        "30, 22640",
        "59, 22640",
        "60, 22640",
        "119, 22640",
        "120, 38340",
        "150, 38340",
        "179, 38340",
        "180, 48170",
        "239, 48170",
        "240, 56320",
        "300, 56320",
        "720, 56320"
    })
    void homeCareIsPricedByTheBandTheVisitReaches(int minutes, long amount) {
        assertThat(CareSos2021.HOME_CARE.price(Usage.minutes(minutes))).isEqualTo(amount);
    }

    @Test
    void aHomeCareVisitUnderThirtyMinutesIsNotBillable() {
        assertThatThrownBy(() -> CareSos2021.HOME_CARE.price(Usage.minutes(29)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("at least 30 minutes");
        assertThatThrownBy(() -> CareSos2021.HOME_CARE.price(Usage.units(1))).isInstanceOf(RuleViolation.class);
    }

    @ParameterizedTest(name = "{0} minutes of mobility support cost {1} KRW")
    @CsvSource({"30, 7400", "59, 7400", "60, 14800", "89, 14800", "90, 22200", "150, 37000", "240, 59200"})
    void mobilityIsBilledInCompletedHalfHoursAtTheHourlyRate(int minutes, long amount) {
        assertThat(CareSos2021.MOBILITY.price(Usage.minutes(minutes))).isEqualTo(amount);
    }

    @Test
    void mobilityUnderThirtyMinutesIsNotBillable() {
        assertThatThrownBy(() -> CareSos2021.MOBILITY.price(Usage.minutes(29))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anUnevenStepRoundsDownToTheWon() {
        TimeRate odd = new TimeRate("odd", ServiceType.MOBILITY_SUPPORT, LocalDate.of(2026, 1, 1), 10_000, 60, 20, 20);

        assertThat(odd.price(Usage.minutes(20))).isEqualTo(3_333);
        assertThat(odd.price(Usage.minutes(60))).isEqualTo(10_000);
    }

    @Test
    void theShortestBillableUsageIsTheMinimumVisitOrOneUnit() {
        UnitPrice meals = new UnitPrice("meals", ServiceType.MEAL_SUPPORT, LocalDate.of(2026, 1, 1), 6_000);

        assertThat(CareSos2021.HOME_CARE.price(CareSos2021.HOME_CARE.shortestBillable()))
                .as("a 30-minute visit: the first band")
                .isEqualTo(22_640);
        assertThat(CareSos2021.MOBILITY.price(CareSos2021.MOBILITY.shortestBillable()))
                .isEqualTo(7_400);
        assertThat(meals.price(meals.shortestBillable())).isEqualTo(6_000);
    }

    @Test
    void unitsArePricedPerUnit() {
        UnitPrice meals = new UnitPrice("meals", ServiceType.MEAL_SUPPORT, LocalDate.of(2026, 1, 1), 6_000);

        assertThat(meals.price(Usage.units(10))).isEqualTo(60_000);
        assertThatThrownBy(() -> meals.price(Usage.minutes(60))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void bandsMustCoverEveryBillableVisit() {
        assertThatThrownBy(() -> new DurationBands(
                        "gap",
                        ServiceType.TEMPORARY_HOME_CARE,
                        LocalDate.of(2026, 1, 1),
                        30,
                        List.of(new DurationBands.Band(60, 22_640))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
