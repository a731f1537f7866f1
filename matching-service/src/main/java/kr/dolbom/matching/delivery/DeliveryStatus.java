package kr.dolbom.matching.delivery;

import kr.dolbom.platform.domain.RuleViolation;

/**
 * Where a delivery stands after its report. Only {@link #VERIFIED} and {@link #RELEASED} ones are ever announced as
 * delivered; a {@link #HELD} one waits for the window.
 */
public enum DeliveryStatus {
    /** 검증: passed every check at the report. */
    VERIFIED,
    /** 보류: held for the window with a reason. */
    HELD,
    /** 승인: held, then released by the window. */
    RELEASED,
    /** 반려: held, then rejected by the window; never paid. */
    REJECTED,
    /** 취소: announced, then struck out by the window. */
    VOIDED;

    /** The window releases a held delivery; releasing it again is the same answer. */
    DeliveryStatus release() {
        return answer(RELEASED, "released");
    }

    /** The window rejects a held delivery; rejecting it again is the same answer. */
    DeliveryStatus reject() {
        return answer(REJECTED, "rejected");
    }

    /** The window voids an announced delivery, once; a held one is rejected instead. */
    DeliveryStatus voided() {
        if (this != VERIFIED && this != RELEASED) {
            throw RuleViolation.conflict("the delivery is " + this + (this == HELD ? ": reject it instead" : ""))
                    .with("deliveryStatus", name());
        }
        return VOIDED;
    }

    private DeliveryStatus answer(DeliveryStatus to, String verb) {
        if (this != HELD && this != to) {
            throw RuleViolation.conflict("the delivery is " + this + ", not HELD: it cannot be " + verb)
                    .with("deliveryStatus", name());
        }
        return to;
    }
}
