package kr.dolbom.intake.order;

/**
 * Where a care order stands in its life; FHIR Task's statuses in brackets. There is no FAILED (no provider at all):
 * the provider of last resort takes every line a member cannot.
 */
public enum OrderStatus {
    /** 접수·연계 대기 [received]: eligible, its lines waiting for providers */
    PLACED,
    /** 연계 완료 [ready]: every line has a provider */
    ASSIGNED,
    /** 서비스 제공 중 [in-progress]: the first delivery was made */
    IN_PROGRESS,
    /** 보류 [on-hold]: services paused, e.g. while the resident is in hospital */
    ON_HOLD,
    /** 부적격 [rejected]: not a target of the program; nothing follows */
    REJECTED,
    /** 취소 [cancelled]: ended before its plan did */
    CANCELLED,
    /** 종결 [completed]: its plan period is over */
    COMPLETED;

    /** Still to be served: placed, assigned, in progress or on hold. */
    public boolean open() {
        return running() || this == ON_HOLD;
    }

    /** Served now: placed, assigned or in progress. */
    public boolean running() {
        return this == PLACED || this == ASSIGNED || this == IN_PROGRESS;
    }
}
