package kr.dolbom.reporting.charge;

/**
 * Charges in one month, in whole won (KRW has no minor unit). The amounts are net of reversals (청구 취소), as in
 * billing's books; the charges billed and the reversals of them are counted apart.
 *
 * @param count          charges billed ({@code DeliveryCharged}), reversed or not
 * @param amount         what stands: charged less reversed
 * @param publicShare    what the district pays (공공부담), less what reversals took back
 * @param coPayment      what the residents pay (본인부담), less what reversals took back
 * @param reversals      charges taken back ({@code ChargeReversed}): {@code count - reversals} stand
 * @param reversedAmount what the reversals took back, positive
 */
public record ChargeTotals(
        long count, long amount, long publicShare, long coPayment, long reversals, long reversedAmount) {

    public static final ChargeTotals NONE = new ChargeTotals(0, 0, 0, 0, 0, 0);

    /** One charge, or one reversal: its amounts taken off, and counted as a reversal. */
    public static ChargeTotals of(ChargeFigures charge) {
        if (charge.reversal()) {
            return new ChargeTotals(
                    0,
                    Math.negateExact(charge.amount()),
                    Math.negateExact(charge.publicShare()),
                    Math.negateExact(charge.coPayment()),
                    1,
                    charge.amount());
        }
        return new ChargeTotals(1, charge.amount(), charge.publicShare(), charge.coPayment(), 0, 0);
    }

    /** Both together; a sum beyond a long is an error, never a wrap-around. */
    public ChargeTotals plus(ChargeTotals other) {
        return new ChargeTotals(
                Math.addExact(count, other.count),
                Math.addExact(amount, other.amount),
                Math.addExact(publicShare, other.publicShare),
                Math.addExact(coPayment, other.coPayment),
                Math.addExact(reversals, other.reversals),
                Math.addExact(reversedAmount, other.reversedAmount));
    }
}
