package kr.dolbom.events;

import java.util.UUID;

/** An event on one of the care-order streams; its care order is the Kafka key and the CloudEvents subject. */
public sealed interface CareEvent
        permits OrderPlaced, OrderRejected, LineAssigned, ServiceDelivered, DeliveryCharged {

    UUID careOrderId();
}
