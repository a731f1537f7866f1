package kr.dolbom.billing.charge;

import kr.dolbom.billing.funding.PublicShare;

/**
 * Who pays for a delivery: the public share of the funding rule in force on its day for its program and the
 * resident's income tier ({@link kr.dolbom.billing.funding.FundingRule}), rounded down to the won; the resident pays
 * the rest (본인부담). Under the Care SOS rule (2021) the migrations record, basic-livelihood recipients and the
 * near-poor are paid for in full by the public (저소득층 전액지원) and every other citizen pays in full (그 외 시민 전액
 * 자부담).
 */
public final class FundingPolicy {

    private FundingPolicy() {}

    /** The two parts always add up to the amount, to the won. */
    public record Split(long publicShare, long coPayment) {

        public Split {
            if (publicShare < 0 || coPayment < 0) {
                throw new IllegalArgumentException(
                        "a part of a charge is never negative: " + publicShare + " + " + coPayment);
            }
        }

        public long amount() {
            return Math.addExact(publicShare, coPayment);
        }
    }

    public static Split split(long amount, PublicShare share) {
        long publicShare = share.of(amount);
        return new Split(publicShare, Math.subtractExact(amount, publicShare));
    }

    /**
     * A capped visit: the public share covers only the minutes within the annual cap, in proportion, rounded
     * down to the won once; the rest, never silently public, is the resident's.
     */
    public static Split split(long amount, PublicShare share, AnnualCap.Use cap) {
        if (!cap.crossesOrBeyond()) {
            return split(amount, share);
        }
        long publicShare = share.of(amount, cap.withinCap(), cap.minutes());
        return new Split(publicShare, Math.subtractExact(amount, publicShare));
    }
}
