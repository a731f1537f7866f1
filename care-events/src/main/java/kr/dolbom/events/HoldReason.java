package kr.dolbom.events;

/** Why an order's services pause (보류). */
public enum HoldReason {
    /** 입원: the resident is in hospital. */
    HOSPITAL_ADMISSION,
    /** 부재: away for a while (family, travel). */
    RESIDENT_AWAY,
    /** 본인 요청: the resident asked for a pause. */
    RESIDENT_REQUEST,
    /** 재사정: the care manager reassesses before services go on. */
    REASSESSMENT,
    OTHER
}
