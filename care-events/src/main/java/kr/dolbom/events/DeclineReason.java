package kr.dolbom.events;

/** Why an offered line did not stay with the member it was offered to. */
public enum DeclineReason {
    /** 인력 부족: no care worker free for the line's schedule. */
    NO_WORKER_AVAILABLE,
    /** 일정 불가: the visits' days or hours cannot be kept. */
    SCHEDULE_CONFLICT,
    /** 욕구 불일치: the resident's needs are beyond what the member can do (e.g. heavy physical care). */
    NEEDS_NOT_MET,
    /** 기타: anything else, said in the note. */
    OTHER,
    /** 기한 경과: no answer by the deadline counts as a decline. */
    EXPIRED,
    /** 제안 철회: the order was held or ended, or the window dispatched the line by hand, before an answer. */
    WITHDRAWN;

    /** A reason a member gives itself; the others are the system's. */
    public boolean givenByProvider() {
        return this != EXPIRED && this != WITHDRAWN;
    }
}
