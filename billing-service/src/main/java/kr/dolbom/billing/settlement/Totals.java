package kr.dolbom.billing.settlement;

import kr.dolbom.platform.domain.RuleViolation;

/**
 * Lines and their sums, in whole won: what the district owes (public share) and what users pay (co-payment) add up
 * to the amount. Every sum is checked for overflow; a total beyond {@code long} is refused, never wrapped. The sums
 * of reversals (청구 취소) are negative, and so may a month's be on its way; a count of lines never is.
 */
public record Totals(long lines, long amount, long publicShare, long coPayment) {

    public static final Totals NONE = new Totals(0, 0, 0, 0);

    public Totals {
        if (lines < 0) {
            throw new IllegalArgumentException("a count of lines is never negative: " + lines);
        }
        if (Math.addExact(publicShare, coPayment) != amount) {
            throw new IllegalArgumentException(
                    "public share " + publicShare + " + co-payment " + coPayment + " is not the amount " + amount);
        }
    }

    /** One line more. */
    public Totals plus(SettlementLine line) {
        return plus(new Totals(1, line.amount(), line.publicShare(), line.coPayment()));
    }

    /** @throws RuleViolation (refused, naming {@code amount}) when a sum would overflow */
    public Totals plus(Totals more) {
        try {
            return new Totals(
                    Math.addExact(lines, more.lines),
                    Math.addExact(amount, more.amount),
                    Math.addExact(publicShare, more.publicShare),
                    Math.addExact(coPayment, more.coPayment));
        } catch (ArithmeticException overflow) {
            throw RuleViolation.refused("amount", "the sum of " + amount + " and " + more.amount + " won overflows");
        }
    }
}
