package kr.dolbom.events;

/** Why an order ends before its plan did (취소). */
public enum CancelReason {
    /** 본인 거부: the resident declined the services. */
    RESIDENT_DECLINED,
    /** 전출: the resident moved out of the district. */
    RESIDENT_MOVED,
    /** 사망 */
    RESIDENT_DECEASED,
    /** 장기요양 등 타 서비스 연계: another programme took the resident on. */
    OTHER_SERVICE,
    /** 중복 신청: another order already serves the need. */
    DUPLICATE,
    OTHER
}
