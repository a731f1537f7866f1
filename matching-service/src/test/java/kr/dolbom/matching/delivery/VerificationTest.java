package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.junit.jupiter.api.Test;

class VerificationTest {

    /** A Tuesday. */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    private static final LocalTime NINE = LocalTime.of(9, 0);

    private static Verification.Visit visit(int minutes, Integer planned) {
        return new Verification.Visit(ServiceType.TEMPORARY_HOME_CARE, DAY, NINE, NINE.plusMinutes(minutes), planned);
    }

    @Test
    void aVisitWithinItsPlanReportedInTimeIsVerified() {
        assertThat(Verification.holdReason(visit(120, 120), false, 0, 1, DAY.plusDays(1)))
                .isNull();
    }

    @Test
    void aWorkerAtTwoPlacesAtOnceIsHeldBeforeAnythingElse() {
        assertThat(Verification.holdReason(visit(600, 60), true, 5, 1, DAY.plusMonths(3)))
                .isEqualTo(DeliveryHoldReason.WORKER_OVERLAP);
    }

    @Test
    void aVisitLongerThanHalfAgainItsPlanIsHeld() {
        assertThat(Verification.holdReason(visit(180, 120), false, 0, 1, DAY)).isNull();
        assertThat(Verification.holdReason(visit(181, 120), false, 0, 1, DAY))
                .isEqualTo(DeliveryHoldReason.OVERLONG_VISIT);
        // an attempt at the door, or a line from before minutes were planned, has nothing to be compared with
        assertThat(Verification.holdReason(visit(600, null), false, 0, 1, DAY)).isNull();
    }

    @Test
    void aVisitBeyondTheWeeksPaceOfTheLineIsNotPlanned() {
        assertThat(Verification.holdReason(visit(60, 60), false, 1, 2, DAY)).isNull();
        assertThat(Verification.holdReason(visit(60, 60), false, 2, 2, DAY)).isEqualTo(DeliveryHoldReason.NOT_PLANNED);
        // meals and repairs come in batches: no pace
        Verification.Visit meals = new Verification.Visit(ServiceType.MEAL_SUPPORT, DAY, null, null, null);
        assertThat(Verification.holdReason(meals, false, 9, 1, DAY)).isNull();
    }

    @Test
    void thePaceSpreadsTheLinesVisitsOverItsWeeksRoundedUp() {
        LocalDate from = LocalDate.of(2026, 11, 1);
        assertThat(Verification.weeklyPace(10, from, from.plusDays(34))).isEqualTo(2);
        assertThat(Verification.weeklyPace(11, from, from.plusDays(34))).isEqualTo(3);
        assertThat(Verification.weeklyPace(2, from, from.plusDays(30))).isEqualTo(1);
        // a line of one day may have all its visits that day, and never more than it has
        assertThat(Verification.weeklyPace(3, from, from)).isEqualTo(3);
        assertThat(Verification.weeklyPace(1000, from, from.plusDays(364))).isEqualTo(20);
    }

    @Test
    void theWeekRunsFromMonday() {
        assertThat(Verification.weekOf(DAY)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Verification.weekOf(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Verification.weekOf(LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aMonthsReportIsLateMoreThanFiveDaysAfterTheMonthEnds() {
        Verification.Visit november = visit(60, 60);
        assertThat(Verification.holdReason(november, false, 0, 1, LocalDate.of(2026, 12, 5)))
                .isNull();
        assertThat(Verification.holdReason(november, false, 0, 1, LocalDate.of(2026, 12, 6)))
                .isEqualTo(DeliveryHoldReason.LATE_REPORT);
    }

    @Test
    void aDeliveryDatedBeforeItsLineWasAssignedIsRefusedBeyondAWeekendsGrace() {
        LocalDate assigned = LocalDate.of(2026, 11, 23);
        assertThat(Verification.refusal(ServiceType.MEAL_SUPPORT, assigned.minusDays(3), null, assigned, "mangwon1"))
                .isNull();
        assertThat(Verification.refusal(ServiceType.MEAL_SUPPORT, assigned.minusDays(4), null, assigned, "mangwon1"))
                .extracting(Violation::field)
                .isEqualTo("serviceDate");
        assertThat(Verification.refusal(ServiceType.MEAL_SUPPORT, assigned.minusWeeks(3), null, assigned, "mangwon1"))
                .isNotNull();
    }

    @Test
    void aHomeServiceIsDeliveredAtTheResidentsDongAndATripAnywhere() {
        LocalDate assigned = DAY.minusDays(10);
        assertThat(Verification.refusal(ServiceType.TEMPORARY_HOME_CARE, DAY, "mangwon1", assigned, "mangwon1"))
                .isNull();
        assertThat(Verification.refusal(ServiceType.TEMPORARY_HOME_CARE, DAY, "hapjeong", assigned, "mangwon1"))
                .extracting(Violation::field)
                .isEqualTo("place");
        assertThat(Verification.refusal(ServiceType.MOBILITY_SUPPORT, DAY, "세브란스병원", assigned, "mangwon1"))
                .isNull();
    }

    @Test
    void anAbsenceIsPaidByTheRuleInForceOnItsDayAndOtherwiseNot() {
        List<AbsencePay.Rule> rules = List.of(
                new AbsencePay.Rule(DeliveryOutcome.RESIDENT_ABSENT, LocalDate.of(2021, 1, 1), true),
                new AbsencePay.Rule(DeliveryOutcome.RESIDENT_ABSENT, LocalDate.of(2026, 1, 1), false));
        assertThat(AbsencePay.paid(DeliveryOutcome.RESIDENT_ABSENT, LocalDate.of(2025, 12, 31), rules))
                .isTrue();
        assertThat(AbsencePay.paid(DeliveryOutcome.RESIDENT_ABSENT, LocalDate.of(2026, 1, 1), rules))
                .isFalse();
        assertThat(AbsencePay.paid(DeliveryOutcome.RESIDENT_ABSENT, LocalDate.of(2020, 6, 1), rules))
                .isFalse();
        assertThat(AbsencePay.paid(DeliveryOutcome.REFUSED_AT_DOOR, LocalDate.of(2025, 6, 1), rules))
                .isFalse();
        assertThat(AbsencePay.paid(DeliveryOutcome.DELIVERED, LocalDate.of(2020, 6, 1), List.of()))
                .isTrue();
    }
}
