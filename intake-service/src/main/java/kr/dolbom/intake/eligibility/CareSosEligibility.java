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
        if (disabled) {
            return new Eligibility.Eligible(TargetGroup.DISABLED);
        }
        if (age >= SENIOR_AGE) {
            return new Eligibility.Eligible(TargetGroup.SENIOR);
        }
        if (age >= MIDDLE_AGE && attestedNeed) {
            return new Eligibility.Eligible(TargetGroup.MIDDLE_AGED_IN_NEED);
        }
        return new Eligibility.Rejected(RejectionReason.NOT_IN_TARGET_GROUP);
    }
}
