package kr.dolbom.intake.order;

/**
 * Where a care order stands in its life; FHIR Task's statuses in brackets. IN_PROGRESS (first delivery) and
 * FAILED (no provider at all) are not told apart yet: an order is ASSIGNED from its last assignment to its end.
 */
public enum OrderStatus {
    /** 접수·연계 대기 [received]: eligible, its lines waiting for providers */
    PLACED,
    /** 연계 완료 [ready]: every line has a provider */
    ASSIGNED,
    /** 보류 [on-hold]: services paused, e.g. while the resident is in hospital */
    ON_HOLD,
    /** 부적격 [rejected]: not a target of the program; nothing follows */
    REJECTED,
    /** 취소 [cancelled]: ended before its plan did */
    CANCELLED,
    /** 종결 [completed]: its plan period is over */
    COMPLETED;

    /** Still to be served: placed, assigned or on hold. */
    public boolean open() {
        return this == PLACED || this == ASSIGNED || this == ON_HOLD;
    }

    boolean running() {
        return this == PLACED || this == ASSIGNED;
    }
}
