package kr.dolbom.reporting.delivery;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What reporting heard of one delivery (a row of {@code delivery_state}), and for a counted one what it added: its
 * month, its resident, its units and minutes.
 *
 * @param lineId the service line it was of, for a counted one
 * @param servedOn the day the service was given; null for a paid absence (부재), which gave none
 */
record DeliveryState(
        UUID deliveryId,
        Stage stage,
        @Nullable DeliveryMonth month,
        @Nullable UUID residentRef,
        long units,
        long minutes,
        @Nullable UUID lineId,
        @Nullable LocalDate servedOn) {

    enum Stage {
        /** Nothing heard yet: the row only holds the lock. */
        NEW,
        /** Held for the window, counted in {@code held}. */
        HELD,
        /** Counted in the month's deliveries and its users served. */
        DELIVERED,
        /** Struck out: not counted, and not counted if its delivery comes only now. */
        VOIDED,
        /** Rejected by the window: never counted. */
        REJECTED
    }

    static DeliveryState unheard(UUID deliveryId) {
        return new DeliveryState(deliveryId, Stage.NEW, null, null, 0, 0, null, null);
    }

    DeliveryState in(Stage next) {
        return new DeliveryState(deliveryId, next, month, residentRef, units, minutes, lineId, servedOn);
    }

    DeliveryState in(Stage next, DeliveryMonth where) {
        return new DeliveryState(deliveryId, next, where, residentRef, units, minutes, lineId, servedOn);
    }
}
