package kr.dolbom.reporting.delivery;

/**
 * One service's deliveries in a district's month.
 *
 * @param units   meals or repair jobs, for unit services; 0 for timed ones
 * @param minutes visit time, for timed services; 0 for unit ones
 */
public record DeliveryTotals(long deliveries, long units, long minutes) {

    public static final DeliveryTotals NONE = new DeliveryTotals(0, 0, 0);

    /** One delivery. */
    public static DeliveryTotals of(DeliveryFigures delivery) {
        return new DeliveryTotals(1, delivery.units(), delivery.minutes());
    }

    public DeliveryTotals plus(DeliveryTotals other) {
        return new DeliveryTotals(
                Math.addExact(deliveries, other.deliveries),
                Math.addExact(units, other.units),
                Math.addExact(minutes, other.minutes));
    }
}
