package kr.dolbom.reporting.charge;

/**
 * Charges in one month, in whole won (KRW has no minor unit).
 *
 * @param publicShare what the district pays (공공부담)
 * @param coPayment   what the residents pay (본인부담)
 */
public record ChargeTotals(long count, long amount, long publicShare, long coPayment) {

    /** One charge. */
    public static ChargeTotals of(ChargeFigures charge) {
        return new ChargeTotals(1, charge.amount(), charge.publicShare(), charge.coPayment());
    }

    /** Both together; a sum beyond a long is an error, never a wrap-around. */
    public ChargeTotals plus(ChargeTotals other) {
        return new ChargeTotals(
                Math.addExact(count, other.count),
                Math.addExact(amount, other.amount),
                Math.addExact(publicShare, other.publicShare),
                Math.addExact(coPayment, other.coPayment));
    }
}
