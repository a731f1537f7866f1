package kr.dolbom.intake.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.intake.assessment.Assessment.LivingSituation;
import kr.dolbom.intake.assessment.Assessment.LongTermCare;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.intake.order.Priority;
import kr.dolbom.intake.order.PriorityGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each of the Daejeon priority groups, its edges, and the priority the groups give. */
class DaejeonPriorityGroupsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Assessment assessed(
            LivingSituation living, int chronic, int admissions, LongTermCare ltc, boolean emergency) {
        return new Assessment(
                Map.of(Assessment.NeedDomain.MEALS, Assessment.NeedLevel.HIGH),
                living,
                chronic,
                admissions,
                null,
                ltc,
                emergency,
                null);
    }

    static Assessment plain(LivingSituation living) {
        return assessed(living, 0, 0, LongTermCare.NOT_APPLIED, false);
    }

    static Set<PriorityGroup> groups(Assessment assessment, TargetGroup target, IncomeTier tier) {
        Set<PriorityGroup> groups = EnumSet.noneOf(PriorityGroup.class);
        DaejeonPriorityGroups.of(assessment, target, tier).forEach(decision -> groups.add(decision.group()));
        return groups;
    }

    @Test
    void aSeniorWithFamilyAndNoFindingsIsInNoGroupAndRoutine() {
        Set<PriorityGroup> groups = groups(plain(LivingSituation.WITH_FAMILY), TargetGroup.SENIOR, IncomeTier.GENERAL);

        assertThat(groups).isEmpty();
        assertThat(Priority.of(false, groups)).isEqualTo(Priority.ROUTINE);
    }

    @ParameterizedTest
    @EnumSource(
            value = IncomeTier.class,
            names = {"BASIC_LIVELIHOOD", "NEAR_POOR"})
    void basicLivelihoodAndNearPoorComeFirstWhoeverTheyAre(IncomeTier tier) {
        assertThat(DaejeonPriorityGroups.of(plain(LivingSituation.WITH_FAMILY), TargetGroup.DISABLED, tier))
                .singleElement()
                .satisfies(decision -> {
                    assertThat(decision.group()).isEqualTo(PriorityGroup.LOW_INCOME);
                    assertThat(decision.rule()).contains("차상위", tier.name());
                });
    }

    /** 복합만성질환자 및 입·퇴원 반복자: two or more of either, living alone. */
    @ParameterizedTest
    @CsvSource({
        "ALONE, 2, 0, true",
        "ALONE, 0, 2, true",
        "ALONE, 1, 1, false",
        "ALONE, 0, 0, false",
        "WITH_FAMILY, 5, 4, false",
        "ELDERLY_COUPLE, 3, 3, false"
    })
    void livingAloneWithSeveralChronicDiseasesOrRepeatedAdmissions(
            LivingSituation living, int chronic, int admissions, boolean inGroup) {
        List<DaejeonPriorityGroups.Decision> decisions = DaejeonPriorityGroups.of(
                assessed(living, chronic, admissions, LongTermCare.NOT_APPLIED, false),
                TargetGroup.SENIOR,
                IncomeTier.GENERAL);

        assertThat(decisions.stream()
                        .anyMatch(decision -> decision.group() == PriorityGroup.ALONE_WITH_CHRONIC_ILLNESS))
                .isEqualTo(inGroup);
        if (inGroup) {
            assertThat(decisions.get(0).rule()).contains("독거노인", "만성질환 " + chronic + "개", "입원 " + admissions + "회");
        }
    }

    @Test
    void anElderlyCoupleWhoseSpouseIsSeverelyIll() {
        assertThat(groups(
                        plain(LivingSituation.ELDERLY_COUPLE_SPOUSE_SEVERELY_ILL),
                        TargetGroup.SENIOR,
                        IncomeTier.GENERAL))
                .containsExactly(PriorityGroup.COUPLE_WITH_SEVERELY_ILL_SPOUSE);
        assertThat(groups(plain(LivingSituation.ELDERLY_COUPLE), TargetGroup.SENIOR, IncomeTier.GENERAL))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"OUTSIDE_GRADE, true", "REJECTED, true", "GRADED, false", "NOT_APPLIED, false"})
    void longTermCareOutsideGradeOrRefused(LongTermCare ltc, boolean inGroup) {
        assertThat(groups(
                        assessed(LivingSituation.WITH_FAMILY, 0, 0, ltc, false),
                        TargetGroup.SENIOR,
                        IncomeTier.GENERAL))
                .isEqualTo(inGroup ? EnumSet.of(PriorityGroup.LONG_TERM_CARE_REFUSED) : Set.of());
    }

    @Test
    void theSeniorsGroupsAreForSeniorsAnEmergencyForEveryone() {
        Assessment everything = assessed(LivingSituation.ALONE, 4, 3, LongTermCare.REJECTED, true);

        assertThat(groups(everything, TargetGroup.MIDDLE_AGED_IN_NEED, IncomeTier.GENERAL))
                .containsExactly(PriorityGroup.EMERGENCY);
        assertThat(groups(everything, TargetGroup.SENIOR, IncomeTier.NEAR_POOR))
                .containsExactlyInAnyOrder(
                        PriorityGroup.LOW_INCOME,
                        PriorityGroup.LONG_TERM_CARE_REFUSED,
                        PriorityGroup.ALONE_WITH_CHRONIC_ILLNESS,
                        PriorityGroup.EMERGENCY);
    }

    @Test
    void anEmergencyIsUrgentAndAnyOtherGroupComesBeforeRoutine() {
        assertThat(Priority.of(false, EnumSet.of(PriorityGroup.EMERGENCY))).isEqualTo(Priority.URGENT);
        assertThat(Priority.of(true, Set.of())).isEqualTo(Priority.URGENT);
        assertThat(Priority.of(false, EnumSet.of(PriorityGroup.COUPLE_WITH_SEVERELY_ILL_SPOUSE)))
                .isEqualTo(Priority.PRIORITY_GROUP);
    }

    @Test
    void aDischargeMustBeWithinTheLastYear() {
        Assessment future = new Assessment(
                Map.of(), LivingSituation.ALONE, 0, 1, TODAY.plusDays(1), LongTermCare.NOT_APPLIED, false, null);
        Assessment old = new Assessment(
                Map.of(), LivingSituation.ALONE, 0, 1, TODAY.minusYears(2), LongTermCare.NOT_APPLIED, false, null);
        Assessment recent = new Assessment(
                Map.of(), LivingSituation.ALONE, 0, 1, TODAY.minusDays(3), LongTermCare.NOT_APPLIED, false, null);

        assertThat(DaejeonPriorityGroups.problems(future, TODAY))
                .extracting(v -> v.field())
                .containsExactly("dischargedOn");
        assertThat(DaejeonPriorityGroups.problems(old, TODAY)).hasSize(1);
        assertThat(DaejeonPriorityGroups.problems(recent, TODAY)).isEmpty();
    }
}
