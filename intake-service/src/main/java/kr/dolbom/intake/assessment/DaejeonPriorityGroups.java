package kr.dolbom.intake.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.intake.order.PriorityGroup;
import kr.dolbom.platform.domain.RuleViolation.Violation;

/**
 * Which of the Daejeon pilot's priority groups an assessed resident belongs to (대전 동구 통합돌봄 신청대상, seed
 * 003), each with the rule and the facts that decided. The groups of seniors (living alone, elderly couples,
 * long-term care) apply to the Care SOS senior group; the income tier and an emergency to everyone.
 *
 * <p>The seeds name "복합만성질환자 및 입·퇴원 반복자" without numbers; we read "several chronic diseases" as two or
 * more, and "repeated admissions" as two or more in the last twelve months.
 */
public final class DaejeonPriorityGroups {

    static final int SEVERAL_CHRONIC_CONDITIONS = 2;
    static final int REPEATED_ADMISSIONS = 2;

    private DaejeonPriorityGroups() {}

    /** One group the resident is in, and why. */
    public record Decision(PriorityGroup group, String rule) {}

    public static List<Decision> of(Assessment assessment, TargetGroup targetGroup, IncomeTier tier) {
        List<Decision> groups = new ArrayList<>();
        if (tier != IncomeTier.GENERAL) {
            groups.add(decided(PriorityGroup.LOW_INCOME, "소득구분 " + tier));
        }
        if (targetGroup == TargetGroup.SENIOR) {
            if (assessment.longTermCare() == Assessment.LongTermCare.OUTSIDE_GRADE
                    || assessment.longTermCare() == Assessment.LongTermCare.REJECTED) {
                groups.add(decided(PriorityGroup.LONG_TERM_CARE_REFUSED, "장기요양 " + assessment.longTermCare()));
            }
            if (assessment.livingSituation() == Assessment.LivingSituation.ALONE
                    && (assessment.chronicConditions() >= SEVERAL_CHRONIC_CONDITIONS
                            || assessment.admissionsLastYear() >= REPEATED_ADMISSIONS)) {
                groups.add(decided(
                        PriorityGroup.ALONE_WITH_CHRONIC_ILLNESS,
                        "독거, 만성질환 " + assessment.chronicConditions() + "개, 최근 1년 입원 " + assessment.admissionsLastYear()
                                + "회"));
            }
            if (assessment.livingSituation() == Assessment.LivingSituation.ELDERLY_COUPLE_SPOUSE_SEVERELY_ILL) {
                groups.add(decided(PriorityGroup.COUPLE_WITH_SEVERELY_ILL_SPOUSE, "노인부부, 배우자 중증질환"));
            }
        }
        if (assessment.emergency()) {
            groups.add(decided(PriorityGroup.EMERGENCY, "돌봄매니저 긴급 판단"));
        }
        return groups;
    }

    /** What is wrong with the facts, field by field; empty when they are plausible on {@code today}. */
    public static List<Violation> problems(Assessment assessment, LocalDate today) {
        List<Violation> problems = new ArrayList<>();
        LocalDate discharged = assessment.dischargedOn();
        if (discharged != null && (discharged.isAfter(today) || discharged.isBefore(today.minusYears(1)))) {
            problems.add(
                    new Violation("dischargedOn", "must be within the last year, not after today (" + today + ")"));
        }
        return problems;
    }

    private static Decision decided(PriorityGroup group, String facts) {
        return new Decision(group, group.rule() + " (" + facts + ")");
    }
}
