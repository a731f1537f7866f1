package kr.dolbom.events;

/** Why the window struck out a delivery it had accepted. Free text stays in matching: it may name a person. */
public enum VoidReason {
    /** 중복 보고: the same visit or units were reported twice. */
    DUPLICATE_REPORT,
    /** 미제공: the work was reported but not done (found on a check call or a complaint). */
    NOT_DELIVERED,
    /** 보고 오류: reported on the wrong line, day or times; the right report is made anew. */
    WRONG_DETAILS,
    /** 기타: anything else, said in matching's note. */
    OTHER
}
