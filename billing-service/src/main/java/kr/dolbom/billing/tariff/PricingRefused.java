package kr.dolbom.billing.tariff;

/** A delivery this tariff cannot price: too short to bill, or measured in the wrong unit. */
public class PricingRefused extends RuntimeException {

    public PricingRefused(String message) {
        super(message);
    }
}
