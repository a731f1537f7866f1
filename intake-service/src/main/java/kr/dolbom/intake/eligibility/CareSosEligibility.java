package kr.dolbom.intake.eligibility;

import java.time.LocalDate;
import java.time.Period;
import kr.dolbom.events.RejectionReason;

/**
 * Seoul Care SOS targets (2021 work report of the Seoul social service agency): seniors 65 and over,
 * people with disabilities of any age, and people aged 50–64 selected as in need. Age is the
 * international age (만 나이) on the day of the request.
 */
public final class CareSosEligibility {

    static final int SENIOR_AGE = 65;
    static final int MIDDLE_AGE = 50;

    private CareSosEligibility() {}

    public static Eligibility decide(LocalDate birthDate, boolean disabled, boolean attestedNeed, LocalDate on) {
        int age = Period.between(birthDate, on).getYears();
        String facts = " (신청일 " + on + " 기준 만 " + age + "세)";
        if (disabled) {
            return new Eligibility.Eligible(TargetGroup.DISABLED, TargetGroup.DISABLED.rule() + facts);
        }
        if (age >= SENIOR_AGE) {
            return new Eligibility.Eligible(TargetGroup.SENIOR, TargetGroup.SENIOR.rule() + facts);
        }
        if (age >= MIDDLE_AGE && attestedNeed) {
            return new Eligibility.Eligible(
                    TargetGroup.MIDDLE_AGED_IN_NEED, TargetGroup.MIDDLE_AGED_IN_NEED.rule() + facts);
        }
        String missed = age >= MIDDLE_AGE ? "만 50~64세이나 돌봄 필요 확인 없음, 장애 없음" : "만 50세 미만, 장애 없음";
        return new Eligibility.Rejected(RejectionReason.NOT_IN_TARGET_GROUP, "돌봄SOS 대상 아님: " + missed + facts);
    }
}
