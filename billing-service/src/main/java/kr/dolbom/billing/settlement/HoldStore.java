package kr.dolbom.billing.settlement;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.ServiceType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The held deliveries (검증 보류), one row each, and how each was resolved: released (its {@code ServiceDelivered}
 * heard, charged as any delivery) or rejected. Every write is idempotent and takes the events of a delivery in any
 * order: the first resolution stays, and a hold heard after its delivery's rejection or release is resolved at once.
 */
@Repository
class HoldStore {

    /** The delivery as a row names it, to compare with the event that names it next. */
    record Recorded(String district, String providerId, LocalDate serviceDate) {}

    private final DatabaseClient db;

    HoldStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records the hold; of a delivery recorded already (the same hold heard again, or its rejection heard first),
     * only fills in the day of the hold. Answers the delivery as recorded.
     */
    Mono<Recorded> hold(DeliveryHeld held) {
        return db.sql("""
                        insert into held_delivery
                            (delivery_id, district, provider_id, service_date, service_type, reason, held_on)
                        values (:delivery, :district, :provider, :serviceDate, :serviceType, :reason, :heldOn)
                        on conflict (delivery_id) do update set held_on = coalesce(held_delivery.held_on, :heldOn)
                        returning district, provider_id, service_date""")
                .bind("delivery", held.deliveryId())
                .bind("district", held.district())
                .bind("provider", held.providerId())
                .bind("serviceDate", held.serviceDate())
                .bind("serviceType", held.serviceType().name())
                .bind("reason", held.reason().name())
                .bind("heldOn", held.heldOn())
                .map(HoldStore::recorded)
                .one();
    }

    /**
     * Resolves the hold as released when its delivery was heard already: charged (a charge of it, not a reversal) or
     * voided (a delivery announced, then struck out). True when resolved now.
     */
    Mono<Boolean> releaseIfDeliveredAlready(UUID deliveryId, LocalDate on) {
        return db.sql("""
                        update held_delivery set resolution = 'RELEASED', resolved_on = :on
                        where delivery_id = :delivery and resolution is null
                          and (exists (select 1 from charge where delivery_id = :delivery and reverses is null)
                               or exists (select 1 from delivery_void where delivery_id = :delivery))""")
                .bind("delivery", deliveryId)
                .bind("on", on)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /** The delivery, heard announced, resolves its hold if it has an open one; true when resolved now. */
    Mono<Boolean> release(UUID deliveryId, LocalDate on) {
        return db.sql("""
                        update held_delivery set resolution = 'RELEASED', resolved_on = :on
                        where delivery_id = :delivery and resolution is null""")
                .bind("delivery", deliveryId)
                .bind("on", on)
                .fetch()
                .rowsUpdated()
                .map(updated -> updated == 1);
    }

    /**
     * Resolves the hold as rejected unless it is resolved already; a rejection heard before its hold is recorded
     * resolved, so that the hold, when it comes, is not open. Answers the delivery as recorded.
     */
    Mono<Recorded> reject(DeliveryRejected rejected) {
        return db.sql("""
                        insert into held_delivery
                            (delivery_id, district, provider_id, service_date, service_type, reason, resolution,
                             resolved_on)
                        values (:delivery, :district, :provider, :serviceDate, :serviceType, :reason, 'REJECTED',
                                :rejectedOn)
                        on conflict (delivery_id) do update
                            set resolution = coalesce(held_delivery.resolution, 'REJECTED'),
                                resolved_on = coalesce(held_delivery.resolved_on, :rejectedOn)
                        returning district, provider_id, service_date""")
                .bind("delivery", rejected.deliveryId())
                .bind("district", rejected.district())
                .bind("provider", rejected.providerId())
                .bind("serviceDate", rejected.serviceDate())
                .bind("serviceType", rejected.serviceType().name())
                .bind("reason", rejected.reason().name())
                .bind("rejectedOn", rejected.rejectedOn())
                .map(HoldStore::recorded)
                .one();
    }

    /** The provider's open holds in the district dated in the month or earlier, by day. */
    Flux<HeldDelivery> openThrough(String district, String providerId, YearMonth month) {
        return db.sql("""
                        select delivery_id, district, provider_id, service_type, service_date, reason, held_on
                        from held_delivery
                        where district = :district and provider_id = :provider and resolution is null
                          and service_date < :after
                        order by service_date, delivery_id""")
                .bind("district", district)
                .bind("provider", providerId)
                .bind("after", month.plusMonths(1).atDay(1))
                .map(HoldStore::held)
                .all();
    }

    /** The provider's open holds in the district dated in the month, by day: its statement's 보류. */
    Flux<HeldDelivery> openIn(String district, String providerId, YearMonth month) {
        return db.sql("""
                        select delivery_id, district, provider_id, service_type, service_date, reason, held_on
                        from held_delivery
                        where district = :district and provider_id = :provider and resolution is null
                          and service_date >= :month and service_date < :after
                        order by service_date, delivery_id""")
                .bind("district", district)
                .bind("provider", providerId)
                .bind("month", month.atDay(1))
                .bind("after", month.plusMonths(1).atDay(1))
                .map(HoldStore::held)
                .all();
    }

    /** Whether the provider had any delivery held in the district (a provider billing knows, charged or not yet). */
    Mono<Boolean> knows(String district, String providerId) {
        return db.sql("select exists (select 1 from held_delivery where district = :district"
                        + " and provider_id = :provider) as known")
                .bind("district", district)
                .bind("provider", providerId)
                .map(row -> Boolean.TRUE.equals(row.get("known", Boolean.class)))
                .one();
    }

    private static Recorded recorded(Readable row) {
        return new Recorded(
                row.get("district", String.class),
                row.get("provider_id", String.class),
                row.get("service_date", LocalDate.class));
    }

    private static HeldDelivery held(Readable row) {
        return new HeldDelivery(
                row.get("delivery_id", UUID.class),
                row.get("district", String.class),
                row.get("provider_id", String.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("service_date", LocalDate.class),
                DeliveryHoldReason.valueOf(row.get("reason", String.class)),
                row.get("held_on", LocalDate.class));
    }
}
