package kr.dolbom.intake.eligibility;

/** The Care SOS target groups (돌봄SOS 대상자): who may be served at all. */
public enum TargetGroup {
    /** 어르신: 65 and over */
    SENIOR,
    /** 장애인: any age */
    DISABLED,
    /** 중장년: 50 to 64, when a care manager has attested the need */
    MIDDLE_AGED_IN_NEED
}
