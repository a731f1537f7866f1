package kr.dolbom.intake.eligibility;

/** The Care SOS target groups (돌봄SOS 대상자): who may be served at all. */
public enum TargetGroup {
    /** 어르신: 65 and over */
    SENIOR("만 65세 이상 어르신"),
    /** 장애인: any age */
    DISABLED("장애인 (연령 무관)"),
    /** 중장년: 50 to 64, when a care manager has attested the need */
    MIDDLE_AGED_IN_NEED("만 50~64세 중장년, 돌봄매니저가 돌봄 필요를 확인");

    private final String rule;

    TargetGroup(String rule) {
        this.rule = rule;
    }

    /** The program's rule for the group (돌봄SOS 대상자 기준). */
    public String rule() {
        return rule;
    }
}
