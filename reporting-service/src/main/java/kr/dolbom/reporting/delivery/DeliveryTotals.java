package kr.dolbom.reporting.delivery;

/**
 * One service's deliveries in a district's month, or what applying some events changes in them (then any figure
 * may be negative: a void takes off what its delivery added).
 *
 * @param units   meals or repair jobs, for unit services; 0 for timed ones
 * @param minutes visit time, for timed services; 0 for unit ones
 * @param held    deliveries held for the window (검증 보류), neither released nor rejected yet; not in the others
 */
public record DeliveryTotals(long deliveries, long units, long minutes, long held) {

    public static final DeliveryTotals NONE = new DeliveryTotals(0, 0, 0, 0);

    /** One held delivery, waiting for the window. */
    public static final DeliveryTotals ONE_HELD = new DeliveryTotals(0, 0, 0, 1);

    /** One delivery. */
    public static DeliveryTotals of(DeliveryFigures delivery) {
        return new DeliveryTotals(1, delivery.units(), delivery.minutes(), 0);
    }

    public DeliveryTotals plus(DeliveryTotals other) {
        return new DeliveryTotals(
                Math.addExact(deliveries, other.deliveries),
                Math.addExact(units, other.units),
                Math.addExact(minutes, other.minutes),
                Math.addExact(held, other.held));
    }

    /** What takes these off again. */
    public DeliveryTotals negated() {
        return new DeliveryTotals(
                Math.negateExact(deliveries),
                Math.negateExact(units),
                Math.negateExact(minutes),
                Math.negateExact(held));
    }
}
