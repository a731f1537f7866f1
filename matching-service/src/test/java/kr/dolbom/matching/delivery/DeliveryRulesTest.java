package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LocalDateTime NOW = TODAY.atTime(15, 0);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void aVisitLastsAtLeastThirtyMinutes() {
        assertThat(visit(NINE, NINE.plusMinutes(29)))
                .extracting(Violation::field)
                .containsExactly("endTime");
        assertThat(visit(NINE, NINE.plusMinutes(30))).isEmpty();
    }

    @Test
    void aVisitEndsAfterItStartsAndWithinTwelveHours() {
        assertThat(visit(NINE, NINE)).extracting(Violation::field).containsExactly("endTime");
        assertThat(visit(LocalTime.of(22, 0), LocalTime.of(1, 0)))
                .extracting(Violation::field)
                .containsExactly("endTime");
        assertThat(visit(LocalTime.of(6, 0), LocalTime.of(18, 1)))
                .extracting(Violation::field)
                .containsExactly("endTime");
        assertThat(visit(LocalTime.of(6, 0), LocalTime.of(18, 0))).isEmpty();
    }

    @Test
    void nothingIsReportedForADayThatHasNotCome() {
        assertThat(given(ServiceType.MEAL_SUPPORT, TODAY.plusDays(1), null, null, 1, NOW))
                .extracting(Violation::field)
                .containsExactly("serviceDate");
        assertThat(given(ServiceType.MEAL_SUPPORT, TODAY, null, null, 1, NOW)).isEmpty();
    }

    @Test
    void aVisitOfTodayCannotEndLaterThanNow() {
        assertThat(given(ServiceType.TEMPORARY_HOME_CARE, TODAY, LocalTime.of(13, 0), LocalTime.of(15, 1), null, NOW))
                .extracting(Violation::field)
                .containsExactly("endTime");
        assertThat(given(ServiceType.TEMPORARY_HOME_CARE, TODAY, LocalTime.of(13, 0), LocalTime.of(15, 0), null, NOW))
                .isEmpty();
        assertThat(given(
                        ServiceType.TEMPORARY_HOME_CARE,
                        TODAY.minusDays(1),
                        LocalTime.of(13, 0),
                        LocalTime.of(23, 0),
                        null,
                        NOW))
                .isEmpty();
    }

    @Test
    void timedServicesReportTimesAndUnitServicesReportUnits() {
        assertThat(given(ServiceType.MOBILITY_SUPPORT, TODAY, null, null, 2, NOW))
                .extracting(Violation::field)
                .containsExactly("units", "startTime", "endTime");
        assertThat(given(ServiceType.MEAL_SUPPORT, TODAY, NINE, null, null, NOW))
                .extracting(Violation::field)
                .containsExactly("startTime", "units");
        assertThat(given(ServiceType.HOUSING_REPAIR, TODAY, null, null, 0, NOW))
                .extracting(Violation::field)
                .containsExactly("units");
        assertThat(given(ServiceType.HOUSING_REPAIR, TODAY, null, null, 101, NOW))
                .extracting(Violation::field)
                .containsExactly("units");
    }

    private static List<Violation> visit(LocalTime start, LocalTime end) {
        return given(ServiceType.TEMPORARY_HOME_CARE, TODAY.minusDays(1), start, end, null, NOW);
    }

    @Test
    void aTripNamesItsDestinationAndAHomeVisitNeedsNone() {
        assertThat(DeliveryRules.check(
                        ServiceType.MOBILITY_SUPPORT,
                        DeliveryOutcome.DELIVERED,
                        null,
                        TODAY.minusDays(1),
                        NINE,
                        NINE.plusHours(1),
                        null,
                        NOW))
                .extracting(Violation::field)
                .containsExactly("place");
        assertThat(DeliveryRules.check(
                        ServiceType.MOBILITY_SUPPORT,
                        DeliveryOutcome.DELIVERED,
                        "HOSPITAL",
                        TODAY.minusDays(1),
                        NINE,
                        NINE.plusHours(1),
                        null,
                        NOW))
                .isEmpty();
    }

    @Test
    void anAttemptAtTheDoorHasItsTimesButNoShortestLength() {
        for (var outcome : List.of(DeliveryOutcome.RESIDENT_ABSENT, DeliveryOutcome.REFUSED_AT_DOOR)) {
            assertThat(DeliveryRules.check(
                            ServiceType.TEMPORARY_HOME_CARE,
                            outcome,
                            null,
                            TODAY.minusDays(1),
                            NINE,
                            NINE.plusMinutes(10),
                            null,
                            NOW))
                    .isEmpty();
            assertThat(DeliveryRules.check(
                            ServiceType.TEMPORARY_HOME_CARE, outcome, null, TODAY.minusDays(1), NINE, null, null, NOW))
                    .extracting(Violation::field)
                    .containsExactly("endTime");
        }
    }

    /** A service given, where the place is not in question. */
    private static List<Violation> given(
            ServiceType type, LocalDate date, LocalTime start, LocalTime end, Integer units, LocalDateTime now) {
        return DeliveryRules.check(type, DeliveryOutcome.DELIVERED, "HOSPITAL", date, start, end, units, now);
    }
}
