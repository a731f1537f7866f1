package kr.dolbom.intake.assessment;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 욕구사정: the care manager's findings at the visit.
 *
 * @param needs              how much help each domain of life needs; a domain not named needs none
 * @param chronicConditions  diagnosed chronic diseases (만성질환)
 * @param admissionsLastYear hospital admissions in the last twelve months
 * @param dischargedOn       the last discharge from hospital, if recent enough to matter to the plan
 * @param emergency          care is needed at once (긴급 돌봄)
 */
public record Assessment(
        Map<NeedDomain, NeedLevel> needs,
        LivingSituation livingSituation,
        int chronicConditions,
        int admissionsLastYear,
        @Nullable LocalDate dischargedOn,
        LongTermCare longTermCare,
        boolean emergency,
        @Nullable String note) {

    public Assessment {
        needs = needs.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(needs));
    }

    /** The domains of the Care SOS needs survey. */
    public enum NeedDomain {
        /** 일상생활 */
        DAILY_LIVING,
        /** 가사 */
        HOUSEWORK,
        /** 식사 */
        MEALS,
        /** 이동 */
        MOBILITY,
        /** 주거 */
        HOUSING,
        /** 건강 */
        HEALTH,
        /** 정서 */
        EMOTIONAL
    }

    public enum NeedLevel {
        SOME,
        HIGH
    }

    /** 가구 형태 */
    public enum LivingSituation {
        /** 독거 */
        ALONE,
        /** 노인부부 */
        ELDERLY_COUPLE,
        /** 노인부부, 배우자 중증질환 */
        ELDERLY_COUPLE_SPOUSE_SEVERELY_ILL,
        /** 가족과 동거 */
        WITH_FAMILY,
        OTHER
    }

    /** 장기요양 등급 판정 */
    public enum LongTermCare {
        NOT_APPLIED,
        /** 등급 판정을 받음: long-term-care insurance serves the resident */
        GRADED,
        /** 등급 외 */
        OUTSIDE_GRADE,
        /** 탈락 */
        REJECTED
    }
}
