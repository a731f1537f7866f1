package kr.dolbom.intake.order;

import kr.dolbom.events.IncomeTier;

/**
 * The Daejeon pilot's priority groups (대전 동구 지역사회 통합돌봄 신청대상, seed 003): who the window serves first
 * among those eligible. The first follows from the income tier; the others from the care manager's assessment.
 */
public enum PriorityGroup {
    /** 수급자·차상위 우선 */
    LOW_INCOME("기초생활수급자·차상위계층 우선"),
    /** 장기요양 등급 외 판정자 및 탈락자 */
    LONG_TERM_CARE_REFUSED("장기요양 등급 외 판정자 및 탈락자"),
    /** 재가 독거노인 중 복합만성질환자 및 입·퇴원 반복자 */
    ALONE_WITH_CHRONIC_ILLNESS("재가 독거노인 중 복합만성질환자 및 입·퇴원 반복자"),
    /** 노인부부가구로 배우자가 중증질병을 앓는 자 */
    COUPLE_WITH_SEVERELY_ILL_SPOUSE("노인부부가구로 배우자가 중증질병을 앓는 자"),
    /** 긴급 돌봄이 필요한 자: served before everyone else, like an urgent request */
    EMERGENCY("긴급 돌봄이 필요한 자");

    private final String rule;

    PriorityGroup(String rule) {
        this.rule = rule;
    }

    /** The pilot's words for the group. */
    public String rule() {
        return rule;
    }

    static boolean lowIncome(IncomeTier tier) {
        return tier != IncomeTier.GENERAL;
    }
}
