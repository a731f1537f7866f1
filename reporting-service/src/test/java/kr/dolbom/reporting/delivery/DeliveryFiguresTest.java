package kr.dolbom.reporting.delivery;

import static kr.dolbom.events.ServiceType.HOUSING_REPAIR;
import static kr.dolbom.events.ServiceType.MEAL_SUPPORT;
import static kr.dolbom.events.ServiceType.MOBILITY_SUPPORT;
import static kr.dolbom.events.ServiceType.TEMPORARY_HOME_CARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.CareEvents;
import org.junit.jupiter.api.Test;

class DeliveryFiguresTest {

    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    private static final UUID RESIDENT = UUID.randomUUID();

    @Test
    void aVisitLastsFromItsStartToItsEndInWholeMinutes() {
        assertThat(DeliveryFigures.minutes(LocalTime.of(9, 0), LocalTime.of(11, 30))).isEqualTo(150);
        assertThat(DeliveryFigures.minutes(LocalTime.of(9, 0), LocalTime.of(9, 30, 59))).isEqualTo(30);
        assertThat(DeliveryFigures.minutes(LocalTime.MIDNIGHT, LocalTime.of(23, 59))).isEqualTo(1439);
    }

    @Test
    void aVisitThatDoesNotEndAfterItStartsIsNotAVisitPastMidnight() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryFigures.minutes(LocalTime.of(22, 0), LocalTime.of(1, 0)))
                .withMessage("a visit from 22:00 to 01:00 does not end after it starts");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DeliveryFigures.minutes(LocalTime.of(9, 0), LocalTime.of(9, 0)));
    }

    @Test
    void aTimedServiceAddsMinutesAndNoUnits() {
        DeliveryFigures figures = DeliveryFigures.of(CareEvents.visit(UUID.randomUUID(), MOBILITY_SUPPORT, "mapo",
                RESIDENT, NOV_5, LocalTime.of(10, 0), LocalTime.of(10, 45)));

        assertThat(figures).isEqualTo(new DeliveryFigures("mapo", YearMonth.of(2026, 11), MOBILITY_SUPPORT, RESIDENT,
                0, 45));
    }

    @Test
    void aUnitServiceAddsUnitsAndNoMinutes() {
        assertThat(DeliveryFigures.of(CareEvents.units(UUID.randomUUID(), MEAL_SUPPORT, "mapo", RESIDENT, NOV_5, 12)))
                .isEqualTo(new DeliveryFigures("mapo", YearMonth.of(2026, 11), MEAL_SUPPORT, RESIDENT, 12, 0));
        assertThat(DeliveryFigures.of(CareEvents.units(UUID.randomUUID(), HOUSING_REPAIR, "mapo", RESIDENT, NOV_5, 1)))
                .extracting(DeliveryFigures::units, DeliveryFigures::minutes).containsExactly(1L, 0L);
    }

    @Test
    void aDeliveryWithoutWhatItsServiceIsMeasuredInCannotBeCounted() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryFigures.of(delivered(TEMPORARY_HOME_CARE,
                null, LocalTime.of(11, 0), null))).withMessage("startTime is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryFigures.of(delivered(MEAL_SUPPORT,
                null, null, null))).withMessage("units is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryFigures.of(delivered(MEAL_SUPPORT,
                null, null, 0))).withMessage("units must be at least 1, not 0");
    }

    @Test
    void aDeliveryWithoutAResidentCannotCountAUserServed() {
        ServiceDelivered anonymous = new ServiceDelivered(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                MEAL_SUPPORT, "mapo-meal-jahwal", null, "mapo", IncomeTier.GENERAL, NOV_5, null, null, 3);

        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryFigures.of(anonymous))
                .withMessage("residentRef is missing");
    }

    @Test
    void aMonthWithoutDeliveriesOfAServiceShowsZerosForIt() {
        MonthlyDeliveries month = new MonthlyDeliveries(Map.of(MEAL_SUPPORT, new DeliveryTotals(3, 27, 0)));

        assertThat(month.byService()).containsOnlyKeys(ServiceType.values())
                .containsEntry(TEMPORARY_HOME_CARE, DeliveryTotals.NONE);
        assertThat(month.meals()).isEqualTo(27);
        assertThat(new MonthlyDeliveries(Map.of()).meals()).isZero();
        assertThat(new UsersServed(Map.of(HOUSING_REPAIR, 2L), 2).byService()).containsOnlyKeys(ServiceType.values())
                .containsEntry(MEAL_SUPPORT, 0L);
    }

    private static ServiceDelivered delivered(ServiceType type, LocalTime start, LocalTime end, Integer units) {
        return new ServiceDelivered(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), type, "mapo-homecare-coop",
                RESIDENT, "mapo", IncomeTier.GENERAL, NOV_5, start, end, units);
    }
}
