package kr.dolbom.intake.order;

/** Where a care order stands in its life. */
public enum OrderStatus {
    /** 접수·연계 대기: eligible, its lines waiting for providers */
    PLACED,
    /** 연계 완료: every line has a provider */
    ASSIGNED,
    /** 부적격: not a target of the program; nothing follows */
    REJECTED;

    boolean acceptsAssignments() {
        return this == PLACED || this == ASSIGNED;
    }
}
