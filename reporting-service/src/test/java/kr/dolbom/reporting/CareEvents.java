package kr.dolbom.reporting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;
import java.util.stream.IntStream;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventType;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.events.VoidReason;

/** Events as intake, matching and billing publish them, with only what a KPI depends on left open. */
public final class CareEvents {

    private CareEvents() {}

    /** The source the topic's owner signs with: a forged one would be dead-lettered. */
    public static String producerOf(CareEvent event) {
        return CareTopics.owner(CareEventType.of(event).topic());
    }

    /** An order with {@code lines} meal lines. */
    public static OrderPlaced placed(String district, LocalDate requestedOn, boolean urgent, int lines) {
        return placed(district, "mangwon1", requestedOn, urgent, lines);
    }

    /** An order of a resident of {@code dong} with {@code lines} meal lines. */
    public static OrderPlaced placed(String district, String dong, LocalDate requestedOn, boolean urgent, int lines) {
        return new OrderPlaced(
                UUID.randomUUID(),
                UUID.randomUUID(),
                district,
                dong,
                IncomeTier.BASIC_LIVELIHOOD,
                urgent,
                RequestChannel.DONG_CENTRE,
                requestedOn,
                IntStream.range(0, lines)
                        .mapToObj(i -> new OrderPlaced.Line(
                                UUID.randomUUID(),
                                ServiceType.MEAL_SUPPORT,
                                10,
                                null,
                                requestedOn,
                                requestedOn.plusDays(30)))
                        .toList());
    }

    public static OrderRejected rejected(String district, LocalDate requestedOn) {
        return new OrderRejected(
                UUID.randomUUID(), district, "mangwon1", RejectionReason.NOT_IN_TARGET_GROUP, requestedOn);
    }

    public static LineAssigned assigned(UUID order, String district, LocalDate assignedOn, boolean lastResort) {
        return new LineAssigned(
                order,
                UUID.randomUUID(),
                ServiceType.TEMPORARY_HOME_CARE,
                lastResort ? "mapo-public-homecare" : "mapo-homecare-coop",
                lastResort,
                district,
                "mangwon1",
                assignedOn);
    }

    /** The assignment of the order's {@code line}-th line (0 first), in the order's dong. */
    public static LineAssigned assigned(OrderPlaced order, int line, LocalDate assignedOn, boolean lastResort) {
        OrderPlaced.Line assignedLine = order.lines().get(line);
        return new LineAssigned(
                order.careOrderId(),
                assignedLine.lineId(),
                assignedLine.serviceType(),
                lastResort ? "mapo-public-homecare" : "mapo-homecare-coop",
                lastResort,
                order.district(),
                order.dong(),
                assignedOn);
    }

    /**
     * Meals delivered on the order's {@code line}-th line (0 first) to {@code resident}, or a paid absence (부재) when
     * {@code given} is false.
     */
    public static ServiceDelivered delivered(OrderPlaced order, int line, UUID resident, LocalDate on, boolean given) {
        OrderPlaced.Line delivered = order.lines().get(line);
        return new ServiceDelivered(
                UUID.randomUUID(),
                order.careOrderId(),
                delivered.lineId(),
                delivered.serviceType(),
                "mapo-meal-jahwal",
                resident,
                order.district(),
                order.incomeTier(),
                on,
                null,
                null,
                2,
                given ? null : DeliveryOutcome.RESIDENT_ABSENT);
    }

    public static ServiceDelivered units(
            UUID order, ServiceType type, String district, UUID resident, LocalDate on, int units) {
        return new ServiceDelivered(
                UUID.randomUUID(),
                order,
                UUID.randomUUID(),
                type,
                "mapo-meal-jahwal",
                resident,
                district,
                IncomeTier.NEAR_POOR,
                on,
                null,
                null,
                units);
    }

    public static ServiceDelivered visit(
            UUID order,
            ServiceType type,
            String district,
            UUID resident,
            LocalDate on,
            LocalTime start,
            LocalTime end) {
        return new ServiceDelivered(
                UUID.randomUUID(),
                order,
                UUID.randomUUID(),
                type,
                "mapo-homecare-coop",
                resident,
                district,
                IncomeTier.GENERAL,
                on,
                start,
                end,
                null);
    }

    public static DeliveryCharged charged(
            UUID order, String district, String provider, LocalDate serviceDate, long publicShare, long coPayment) {
        return new DeliveryCharged(
                UUID.randomUUID(),
                UUID.randomUUID(),
                order,
                UUID.randomUUID(),
                ServiceType.TEMPORARY_HOME_CARE,
                provider,
                district,
                serviceDate,
                publicShare + coPayment,
                publicShare,
                coPayment,
                "care-sos-2021-home-care");
    }

    /** The window strikes out a delivery, a week after its day. */
    public static DeliveryVoided voided(ServiceDelivered delivery) {
        return new DeliveryVoided(
                delivery.deliveryId(),
                delivery.careOrderId(),
                delivery.lineId(),
                delivery.serviceType(),
                delivery.providerId(),
                delivery.district(),
                delivery.serviceDate(),
                VoidReason.NOT_DELIVERED,
                delivery.serviceDate().plusDays(7));
    }

    /** Billing takes back a charge, in positive won, a week after its day. */
    public static ChargeReversed reversed(DeliveryCharged charge) {
        return new ChargeReversed(
                UUID.randomUUID(),
                charge.chargeId(),
                charge.deliveryId(),
                charge.careOrderId(),
                charge.serviceType(),
                charge.providerId(),
                charge.district(),
                charge.serviceDate(),
                charge.amount(),
                charge.publicShare(),
                charge.coPayment(),
                YearMonth.from(charge.serviceDate()),
                VoidReason.NOT_DELIVERED,
                charge.serviceDate().plusDays(7));
    }

    /** Matching holds the delivery for the window on its day. */
    public static DeliveryHeld held(ServiceDelivered delivery) {
        return new DeliveryHeld(
                delivery.deliveryId(),
                delivery.careOrderId(),
                delivery.lineId(),
                delivery.serviceType(),
                delivery.providerId(),
                delivery.district(),
                delivery.serviceDate(),
                DeliveryHoldReason.NOT_PLANNED,
                delivery.serviceDate());
    }

    /** The window rejects a held delivery, two days after its day. */
    public static DeliveryRejected rejectedDelivery(ServiceDelivered delivery) {
        return new DeliveryRejected(
                delivery.deliveryId(),
                delivery.careOrderId(),
                delivery.lineId(),
                delivery.serviceType(),
                delivery.providerId(),
                delivery.district(),
                delivery.serviceDate(),
                DeliveryHoldReason.NOT_PLANNED,
                delivery.serviceDate().plusDays(2));
    }
}
