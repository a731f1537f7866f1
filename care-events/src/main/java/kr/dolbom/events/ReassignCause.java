package kr.dolbom.events;

/** Why an assigned line moved from one provider to another. The window's own words stay in matching. */
public enum ReassignCause {
    /** 창구 재배정: the window moved the line by hand, with its reason. */
    BY_WINDOW,
    /** 반납: the provider gave the line back and the zone's lead (or the public centre) took it over. */
    HANDED_BACK,
    /** 기관 정지: the provider was suspended and its running lines were taken over. */
    PROVIDER_SUSPENDED,
    /** 협약 종료: the provider's contract with the district ended and its running lines were taken over. */
    CONTRACT_ENDED
}
