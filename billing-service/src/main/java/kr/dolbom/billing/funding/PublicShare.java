package kr.dolbom.billing.funding;

import kr.dolbom.platform.domain.RuleViolation;

/**
 * The part of a charge the public purse pays (공공부담), in basis points: 10,000 is all of it, 5,000 half. An exact
 * integer, never a floating-point ratio. The public share of an amount is rounded down to the won and the
 * co-payment (본인부담) is the rest, so the two always add up to the charge exactly and a rounding never costs the
 * public more than its rule says.
 */
public record PublicShare(int basisPoints) {

    public static final int WHOLE = 10_000;
    public static final PublicShare ALL = new PublicShare(WHOLE);
    public static final PublicShare NONE = new PublicShare(0);

    public PublicShare {
        if (basisPoints < 0 || basisPoints > WHOLE) {
            throw RuleViolation.invalid(
                    "publicShareBasisPoints", "must be between 0 (0 %) and " + WHOLE + " (100 %), not " + basisPoints);
        }
    }

    /** The public share of {@code amount}, rounded down to the won. */
    public long of(long amount) {
        return Math.multiplyExact(amount, (long) basisPoints) / WHOLE;
    }

    /**
     * The public share of the part {@code within / of} of {@code amount} (a visit's minutes within the annual cap),
     * rounded down to the won once, after both fractions.
     */
    public long of(long amount, int within, int of) {
        if (within < 0 || of <= 0 || within > of) {
            throw new IllegalArgumentException(within + " of " + of);
        }
        return Math.multiplyExact(Math.multiplyExact(amount, (long) basisPoints), (long) within)
                / Math.multiplyExact((long) WHOLE, (long) of);
    }

    @Override
    public String toString() {
        return basisPoints / 100 + "." + String.format("%02d", basisPoints % 100) + " %";
    }
}
