package kr.dolbom.billing.charge;

import kr.dolbom.events.IncomeTier;

/**
 * Who pays for a delivery under the Care SOS rule (2021): basic-livelihood recipients and the near-poor
 * are paid for in full by the public (저소득층 전액지원); every other citizen pays in full (그 외 시민 전액 자부담).
 */
public final class FundingPolicy {

    private FundingPolicy() {}

    /** The two parts always add up to the amount, to the won. */
    public record Split(long publicShare, long coPayment) {}

    public static Split split(long amount, IncomeTier tier) {
        return switch (tier) {
            case BASIC_LIVELIHOOD, NEAR_POOR -> new Split(amount, 0);
            case GENERAL -> new Split(0, amount);
        };
    }

    /**
     * A capped visit: the public share covers only the minutes within the annual cap, in proportion, rounded
     * down to the won; the rest, never silently public, is the resident's.
     */
    public static Split split(long amount, IncomeTier tier, AnnualCap.Use cap) {
        Split full = split(amount, tier);
        if (!cap.crossesOrBeyond() || full.publicShare() == 0) {
            return full;
        }
        long publicShare = Math.multiplyExact(full.publicShare(), (long) cap.withinCap()) / cap.minutes();
        return new Split(publicShare, Math.subtractExact(amount, publicShare));
    }
}
