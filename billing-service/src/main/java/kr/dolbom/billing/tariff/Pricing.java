package kr.dolbom.billing.tariff;

import kr.dolbom.events.ServiceType;

/** How a tariff prices: the three shapes of the tariff table, and which services each can price. */
public enum Pricing {
    /** By the band a visit's length falls in (일시재가). */
    DURATION_BANDS,
    /** By completed steps of time at a rate per basis period (이동지원). */
    TIME_RATE,
    /** Per unit delivered (a meal, a job). */
    UNIT_PRICE;

    /** A timed service reports minutes, a counted one units: a tariff prices what its service reports. */
    public boolean prices(ServiceType type) {
        return type.isTimed() ? this != UNIT_PRICE : this == UNIT_PRICE;
    }
}
