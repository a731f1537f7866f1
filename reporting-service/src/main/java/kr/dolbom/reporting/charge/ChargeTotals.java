package kr.dolbom.reporting.charge;

/**
 * Charges in one month, in whole won (KRW has no minor unit).
 *
 * @param publicShare what the district pays (공공부담)
 * @param coPayment   what the residents pay (본인부담)
 */
public record ChargeTotals(long count, long amount, long publicShare, long coPayment) {}
