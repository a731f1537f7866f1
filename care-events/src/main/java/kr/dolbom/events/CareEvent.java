package kr.dolbom.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An event on one of the care-order streams; its care order is the Kafka key and the CloudEvents subject.
 * Every record checks its own invariants when it is built, so a producer cannot publish a malformed event
 * and every consumer refuses a forged one the same way ({@link MalformedEventException}).
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
                ServiceDelivered,
                DeliveryCharged {

    UUID careOrderId();

    /**
     * The Korean calendar day the fact belongs to (request day, assignment day, delivery day): it decides the
     * month the event counts in, whenever the event is read.
     */
    LocalDate businessDate();
}
