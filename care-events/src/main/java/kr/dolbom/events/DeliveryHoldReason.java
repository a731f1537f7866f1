package kr.dolbom.events;

/** Why matching held a reported delivery for the window to check (검증 보류) instead of announcing it. */
public enum DeliveryHoldReason {
    /** 동시 방문: the same care worker reported visits at overlapping times, on any line of the provider. */
    WORKER_OVERLAP,
    /** 계획 외 방문: more visits in the week than the line's plan spreads over it. */
    NOT_PLANNED,
    /** 장시간 방문: the visit lasted far longer than the line planned. */
    OVERLONG_VISIT,
    /** 지연 보고: reported too long after the end of the delivery's month. */
    LATE_REPORT
}
