package kr.dolbom.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.events.VoidReason;
import org.jspecify.annotations.Nullable;

/** Deliveries as matching announces them, each for a provider of its own so settlements don't mix. */
public final class Deliveries {

    private final String provider;
    private final UUID careOrder = UUID.randomUUID();
    private final UUID resident = UUID.randomUUID();
    private IncomeTier tier = IncomeTier.BASIC_LIVELIHOOD;
    private String district = "mapo";

    public Deliveries() {
        this("provider-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Deliveries of a named provider, such as one of the demo district's. */
    public Deliveries(String provider) {
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }

    public UUID careOrder() {
        return careOrder;
    }

    /** The resident of the order: every delivery of these is theirs. */
    public UUID resident() {
        return resident;
    }

    /** Deliveries in a district of the test's own, whose funding rules and budgets no other test touches. */
    public Deliveries inDistrict(String district) {
        this.district = district;
        return this;
    }

    public Deliveries forTier(IncomeTier tier) {
        this.tier = tier;
        return this;
    }

    public EventEnvelope visit(ServiceType type, LocalDate day, LocalTime start, LocalTime end) {
        return timed(type, day, start, end, null);
    }

    /** A visit the resident was not home for (부재), as matching announces it when the district pays absences. */
    public EventEnvelope absence(ServiceType type, LocalDate day, LocalTime arrived, LocalTime left) {
        return timed(type, day, arrived, left, DeliveryOutcome.RESIDENT_ABSENT);
    }

    private EventEnvelope timed(
            ServiceType type, LocalDate day, LocalTime start, LocalTime end, @Nullable DeliveryOutcome outcome) {
        return envelope(new ServiceDelivered(
                UUID.randomUUID(),
                careOrder,
                UUID.randomUUID(),
                type,
                provider,
                resident,
                district,
                tier,
                day,
                start,
                end,
                null,
                outcome));
    }

    public EventEnvelope homeCareVisit(LocalDate day, int minutes) {
        return visit(
                ServiceType.TEMPORARY_HOME_CARE,
                day,
                LocalTime.of(9, 0),
                LocalTime.of(9, 0).plusMinutes(minutes));
    }

    public EventEnvelope units(ServiceType type, LocalDate day, int units) {
        return envelope(new ServiceDelivered(
                UUID.randomUUID(),
                careOrder,
                UUID.randomUUID(),
                type,
                provider,
                resident,
                district,
                tier,
                day,
                null,
                null,
                units));
    }

    /** The window's void of a delivery of these (제공 취소), on the day of the void. */
    public EventEnvelope voided(EventEnvelope delivery, VoidReason reason, LocalDate voidedOn) {
        ServiceDelivered delivered = (ServiceDelivered) delivery.data();
        return EventEnvelope.of(
                new DeliveryVoided(
                        delivered.deliveryId(),
                        delivered.careOrderId(),
                        delivered.lineId(),
                        delivered.serviceType(),
                        delivered.providerId(),
                        delivered.district(),
                        delivered.serviceDate(),
                        reason,
                        voidedOn),
                "/dolbom/matching-service",
                Instant.now());
    }

    /**
     * Matching's hold of a delivery of these (검증 보류), on the day of the hold: announced instead of the delivery,
     * which is announced, as it is, only when the window releases it.
     */
    public EventEnvelope held(EventEnvelope delivery, DeliveryHoldReason reason, LocalDate heldOn) {
        ServiceDelivered delivered = (ServiceDelivered) delivery.data();
        return EventEnvelope.of(
                new DeliveryHeld(
                        delivered.deliveryId(),
                        delivered.careOrderId(),
                        delivered.lineId(),
                        delivered.serviceType(),
                        delivered.providerId(),
                        delivered.district(),
                        delivered.serviceDate(),
                        reason,
                        heldOn),
                "/dolbom/matching-service",
                Instant.now());
    }

    /** The window's rejection of a held delivery of these (검증 반려), on the day of the rejection. */
    public EventEnvelope rejected(EventEnvelope delivery, DeliveryHoldReason reason, LocalDate rejectedOn) {
        ServiceDelivered delivered = (ServiceDelivered) delivery.data();
        return EventEnvelope.of(
                new DeliveryRejected(
                        delivered.deliveryId(),
                        delivered.careOrderId(),
                        delivered.lineId(),
                        delivered.serviceType(),
                        delivered.providerId(),
                        delivered.district(),
                        delivered.serviceDate(),
                        reason,
                        rejectedOn),
                "/dolbom/matching-service",
                Instant.now());
    }

    private static EventEnvelope envelope(ServiceDelivered delivered) {
        return EventEnvelope.of(delivered, "/dolbom/matching-service", Instant.now());
    }
}
