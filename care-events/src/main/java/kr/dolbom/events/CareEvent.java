package kr.dolbom.events;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event on one of the care-order streams; what it is about ({@link #subject()}: its care order, or for a
 * provider's monthly settlement the settlement) is the Kafka key and the CloudEvents subject. Every record checks
 * its own invariants when it is built, so a producer cannot publish a malformed event and every consumer refuses
 * a forged one the same way ({@link MalformedEventException}).
 */
public sealed interface CareEvent
        permits OrderPlaced,
                OrderRejected,
                OrderIncomeTierChanged,
                OrderPutOnHold,
                OrderResumed,
                OrderCancelled,
                OrderStarted,
                OrderCompleted,
                CarePlanApproved,
                LineAssigned,
                LineHandedBack,
                LineReassigned,
                LineOffered,
                OfferAccepted,
                OfferDeclined,
                ServiceDelivered,
                DeliveryVoided,
                DeliveryHeld,
                DeliveryRejected,
                DeliveryCharged,
                ChargeReversed,
                SettlementApproved,
                SettlementPaid,
                BudgetThresholdReached {

    /**
     * The care order the event belongs to: every event of an order's life has one (its record component). A
     * provider's monthly settlement, or a district's budget, belongs to no one order: its events have none and name
     * their own subject.
     */
    default @Nullable UUID careOrderId() {
        return null;
    }

    /** The Kafka key and CloudEvents subject: the care order, so that one order's events keep their order. */
    default String subject() {
        UUID order = careOrderId();
        if (order == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " names no care order and no subject");
        }
        return order.toString();
    }

    /**
     * The Korean calendar day the fact belongs to (request day, assignment day, delivery day): it decides the
     * month the event counts in, whenever the event is read.
     */
    LocalDate businessDate();
}
