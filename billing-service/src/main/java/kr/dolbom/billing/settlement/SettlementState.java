package kr.dolbom.billing.settlement;

/**
 * Where a provider's month (정산) stands. Charges accumulate only in a draft; from submission on the statement the
 * provider confirmed is frozen, and once approved the month is closed for good.
 */
public enum SettlementState {
    /** 작성 중: open; the month's charges accumulate, and late charges of closed months as adjustments. */
    DRAFT,
    /** 제출: the provider confirmed its statement; nothing is added any more, the billing officer is to approve. */
    SUBMITTED,
    /** 승인: the billing officer approved it; the month is closed and never changes again. */
    APPROVED,
    /** 지급: the district paid it (reference and day recorded); closed. */
    PAID;

    /** The only state that takes lines. */
    public boolean open() {
        return this == DRAFT;
    }

    /** Approved or paid: its lines and totals are final. */
    public boolean closed() {
        return this == APPROVED || this == PAID;
    }
}
