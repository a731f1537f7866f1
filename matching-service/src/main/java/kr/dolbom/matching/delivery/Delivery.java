package kr.dolbom.matching.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.VoidReason;
import kr.dolbom.matching.assignment.LineAssignment;
import org.jspecify.annotations.Nullable;

/**
 * A delivery as recorded: a report checked against its line, under an id of its own, with where it stands.
 *
 * @param workerRef the provider's own code for the care worker, never a name; null for reports from before EVV
 * @param place where it was delivered: the resident's dong, or a mobility trip's destination
 * @param counted the visits or units it took from the line's plan: 0 for an attempt that is not paid
 * @param announced whether {@link ServiceDelivered} went out for it
 */
record Delivery(
        UUID deliveryId,
        UUID lineId,
        String providerId,
        LocalDate serviceDate,
        @Nullable LocalTime startTime,
        @Nullable LocalTime endTime,
        @Nullable Integer units,
        @Nullable String workerRef,
        @Nullable String place,
        DeliveryOutcome outcome,
        DeliveryStatus status,
        @Nullable DeliveryHoldReason holdReason,
        int counted,
        boolean announced,
        @Nullable String decisionNote,
        @Nullable VoidReason voidReason) {

    /** The line lends the announcement what billing and reporting need to act on it alone. */
    ServiceDelivered announcement(LineAssignment line) {
        return new ServiceDelivered(
                deliveryId,
                line.careOrderId(),
                lineId,
                line.serviceType(),
                providerId,
                line.residentRef(),
                line.district(),
                line.incomeTier(),
                serviceDate,
                startTime,
                endTime,
                units,
                outcome);
    }

    DeliveryHeld held(LineAssignment line, DeliveryHoldReason reason, LocalDate today) {
        return new DeliveryHeld(
                deliveryId,
                line.careOrderId(),
                lineId,
                line.serviceType(),
                providerId,
                line.district(),
                serviceDate,
                reason,
                today);
    }

    DeliveryRejected rejected(LineAssignment line, DeliveryHoldReason reason, LocalDate today) {
        return new DeliveryRejected(
                deliveryId,
                line.careOrderId(),
                lineId,
                line.serviceType(),
                providerId,
                line.district(),
                serviceDate,
                reason,
                today);
    }

    DeliveryVoided voided(LineAssignment line, VoidReason reason, LocalDate today) {
        return new DeliveryVoided(
                deliveryId,
                line.careOrderId(),
                lineId,
                line.serviceType(),
                providerId,
                line.district(),
                serviceDate,
                reason,
                today);
    }
}
