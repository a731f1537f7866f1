package kr.dolbom.intake.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.dolbom.events.RejectionReason;
import org.junit.jupiter.api.Test;

class CareSosEligibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final boolean DISABLED = true;
    private static final boolean NOT_DISABLED = false;
    private static final boolean IN_NEED = true;
    private static final boolean NOT_IN_NEED = false;

    @Test
    void aResidentIsASeniorFromTheSixtyFifthBirthdayOn() {
        assertThat(decide(aged(65, 0), NOT_DISABLED, NOT_IN_NEED).group()).contains(TargetGroup.SENIOR);
        assertThat(decide(aged(65, -1), NOT_DISABLED, NOT_IN_NEED).rejection())
                .contains(RejectionReason.NOT_IN_TARGET_GROUP);
    }

    @Test
    void aSixtyFourYearOldQualifiesOnlyWithAnAttestedNeed() {
        assertThat(decide(aged(64, 0), NOT_DISABLED, IN_NEED).group()).contains(TargetGroup.MIDDLE_AGED_IN_NEED);
        assertThat(decide(aged(64, 0), NOT_DISABLED, NOT_IN_NEED).eligible()).isFalse();
    }

    @Test
    void needCountsFromTheFiftiethBirthdayOn() {
        assertThat(decide(aged(50, 0), NOT_DISABLED, IN_NEED).group()).contains(TargetGroup.MIDDLE_AGED_IN_NEED);
        assertThat(decide(aged(50, -1), NOT_DISABLED, IN_NEED).rejection())
                .contains(RejectionReason.NOT_IN_TARGET_GROUP);
        assertThat(decide(aged(49, 0), NOT_DISABLED, IN_NEED).eligible()).isFalse();
    }

    @Test
    void disabilityQualifiesAtAnyAge() {
        assertThat(decide(aged(8, 0), DISABLED, NOT_IN_NEED).group()).contains(TargetGroup.DISABLED);
        assertThat(decide(aged(30, 0), DISABLED, NOT_IN_NEED).group()).contains(TargetGroup.DISABLED);
        assertThat(decide(aged(80, 0), DISABLED, NOT_IN_NEED).group()).contains(TargetGroup.DISABLED);
    }

    @Test
    void aLeapDayBirthdayTurnsSixtyFiveOnTheFirstOfMarch() {
        LocalDate born = LocalDate.of(1960, 2, 29);

        assertThat(CareSosEligibility.decide(born, NOT_DISABLED, NOT_IN_NEED, LocalDate.of(2025, 2, 28))
                        .eligible())
                .isFalse();
        assertThat(CareSosEligibility.decide(born, NOT_DISABLED, NOT_IN_NEED, LocalDate.of(2025, 3, 1))
                        .group())
                .contains(TargetGroup.SENIOR);
    }

    @Test
    void eachDecisionNamesTheRuleAndTheFactsItRead() {
        assertThat(decide(aged(78, 0), NOT_DISABLED, NOT_IN_NEED).rule())
                .isEqualTo("만 65세 이상 어르신 (신청일 2026-11-24 기준 만 78세)");
        assertThat(decide(aged(30, 0), DISABLED, NOT_IN_NEED).rule()).startsWith("장애인 (연령 무관)");
        assertThat(decide(aged(57, 0), NOT_DISABLED, IN_NEED).rule()).contains("돌봄 필요를 확인", "만 57세");
        assertThat(decide(aged(57, 0), NOT_DISABLED, NOT_IN_NEED).rule())
                .isEqualTo("돌봄SOS 대상 아님: 만 50~64세이나 돌봄 필요 확인 없음, 장애 없음 (신청일 2026-11-24 기준 만 57세)");
        assertThat(decide(aged(49, 0), NOT_DISABLED, IN_NEED).rule()).contains("만 50세 미만", "만 49세");
    }

    /** Born so that on {@link #TODAY} the resident is {@code years} old, {@code dayOffset} days after that birthday. */
    private static LocalDate aged(int years, int dayOffset) {
        return TODAY.minusYears(years).minusDays(dayOffset);
    }

    private static Eligibility decide(LocalDate birthDate, boolean disabled, boolean attestedNeed) {
        return CareSosEligibility.decide(birthDate, disabled, attestedNeed, TODAY);
    }
}
