package kr.dolbom.reporting.delivery;

import static kr.dolbom.events.ServiceType.HOUSING_REPAIR;
import static kr.dolbom.events.ServiceType.MEAL_SUPPORT;
import static kr.dolbom.events.ServiceType.MOBILITY_SUPPORT;
import static kr.dolbom.events.ServiceType.TEMPORARY_HOME_CARE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.CareEvents;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeliveryFiguresTest {

    private static final LocalDate NOV_5 = LocalDate.of(2026, 11, 5);
    private static final UUID RESIDENT = UUID.randomUUID();

    @Test
    void aVisitLastsFromItsStartToItsEndInWholeMinutes() {
        assertThat(visitMinutes(LocalTime.of(9, 0), LocalTime.of(11, 30))).isEqualTo(150);
        assertThat(visitMinutes(LocalTime.of(9, 0), LocalTime.of(9, 30, 59))).isEqualTo(30);
        assertThat(visitMinutes(LocalTime.of(8, 0), LocalTime.of(20, 0))).isEqualTo(720);
    }

    @Test
    void aVisitThatDoesNotEndAfterItStartsIsNotAVisitPastMidnight() {
        assertRefused(
                () -> delivered(TEMPORARY_HOME_CARE, LocalTime.of(22, 0), LocalTime.of(1, 0), null),
                "endTime 01:00 is not after startTime 22:00");
        assertThatThrownBy(() -> delivered(TEMPORARY_HOME_CARE, LocalTime.of(9, 0), LocalTime.of(9, 0), null))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void aTimedServiceAddsMinutesAndNoUnits() {
        DeliveryFigures figures = DeliveryFigures.of(CareEvents.visit(
                UUID.randomUUID(),
                MOBILITY_SUPPORT,
                "mapo",
                RESIDENT,
                NOV_5,
                LocalTime.of(10, 0),
                LocalTime.of(10, 45)));

        assertThat(figures)
                .isEqualTo(new DeliveryFigures("mapo", YearMonth.of(2026, 11), MOBILITY_SUPPORT, RESIDENT, 0, 45));
    }

    @Test
    void aUnitServiceAddsUnitsAndNoMinutes() {
        assertThat(DeliveryFigures.of(CareEvents.units(UUID.randomUUID(), MEAL_SUPPORT, "mapo", RESIDENT, NOV_5, 12)))
                .isEqualTo(new DeliveryFigures("mapo", YearMonth.of(2026, 11), MEAL_SUPPORT, RESIDENT, 12, 0));
        assertThat(DeliveryFigures.of(CareEvents.units(UUID.randomUUID(), HOUSING_REPAIR, "mapo", RESIDENT, NOV_5, 1)))
                .extracting(DeliveryFigures::units, DeliveryFigures::minutes)
                .containsExactly(1L, 0L);
    }

    /** The contract refuses these, so no figures are ever made of them. */
    @Test
    void aDeliveryWithoutWhatItsServiceIsMeasuredInCannotBeCounted() {
        assertRefused(() -> delivered(TEMPORARY_HOME_CARE, null, LocalTime.of(11, 0), null), "startTime is missing");
        assertRefused(() -> delivered(MEAL_SUPPORT, null, null, null), "units is missing");
        assertRefused(() -> delivered(MEAL_SUPPORT, null, null, 0), "units must be between 1 and 100, not 0");
    }

    @Test
    void aDeliveryWithoutAResidentCannotCountAUserServed() {
        assertRefused(
                () -> new ServiceDelivered(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        MEAL_SUPPORT,
                        "mapo-meal-jahwal",
                        null,
                        "mapo",
                        IncomeTier.GENERAL,
                        NOV_5,
                        null,
                        null,
                        3),
                "residentRef is missing");
    }

    @Test
    void aMonthWithoutDeliveriesOfAServiceShowsZerosForIt() {
        MonthlyDeliveries month = new MonthlyDeliveries(Map.of(MEAL_SUPPORT, new DeliveryTotals(3, 27, 0, 2)));

        assertThat(month.byService())
                .containsOnlyKeys(ServiceType.values())
                .containsEntry(TEMPORARY_HOME_CARE, DeliveryTotals.NONE);
        assertThat(month.meals()).isEqualTo(27);
        assertThat(month.held()).isEqualTo(2);
        assertThat(new MonthlyDeliveries(Map.of()).meals()).isZero();
        assertThat(new UsersServed(Map.of(HOUSING_REPAIR, 2L), 2).byService())
                .containsOnlyKeys(ServiceType.values())
                .containsEntry(MEAL_SUPPORT, 0L);
    }

    private static long visitMinutes(LocalTime start, LocalTime end) {
        return DeliveryFigures.of(delivered(TEMPORARY_HOME_CARE, start, end, null))
                .minutes();
    }

    private static void assertRefused(ThrowingCallable event, String reason) {
        assertThatThrownBy(event).isInstanceOf(MalformedEventException.class).hasMessage(reason);
    }

    private static ServiceDelivered delivered(
            ServiceType type, @Nullable LocalTime start, @Nullable LocalTime end, @Nullable Integer units) {
        return new ServiceDelivered(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                type,
                "mapo-homecare-coop",
                RESIDENT,
                "mapo",
                IncomeTier.GENERAL,
                NOV_5,
                start,
                end,
                units);
    }
}
