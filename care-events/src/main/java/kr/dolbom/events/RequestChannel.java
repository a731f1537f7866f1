package kr.dolbom.events;

/** Where a care request came from. */
public enum RequestChannel {
    /** 동 주민센터 방문 */
    DONG_CENTRE,
    /** 전화 */
    PHONE,
    /** 병원 지역연계실: discharge referral */
    HOSPITAL_REFERRAL,
    /** 복지관 */
    WELFARE_CENTRE_REFERRAL,
    /** 보건소 */
    HEALTH_CENTRE_REFERRAL
}
