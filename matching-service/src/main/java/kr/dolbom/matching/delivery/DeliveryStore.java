package kr.dolbom.matching.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class DeliveryStore {

    private final DatabaseClient db;

    DeliveryStore(DatabaseClient db) {
        this.db = db;
    }

    /** Fails with a duplicate-key error for a second report of the same visit or the same day's units. */
    Mono<Void> insert(Delivery delivery) {
        return db.sql("""
                        insert into delivery (id, line_id, provider_id, service_date, start_time, end_time, units)
                        values (:id, :lineId, :provider, :date, :start, :end, :units)""")
                .bind("id", delivery.deliveryId())
                .bind("lineId", delivery.lineId())
                .bind("provider", delivery.providerId())
                .bind("date", delivery.serviceDate())
                .bind("start", Parameter.fromOrEmpty(delivery.startTime(), LocalTime.class))
                .bind("end", Parameter.fromOrEmpty(delivery.endTime(), LocalTime.class))
                .bind("units", Parameter.fromOrEmpty(delivery.units(), Integer.class))
                .then();
    }

    /** Whether another visit of the line on that day overlaps this one: one carer cannot be there twice. */
    Mono<Boolean> overlapsAnotherVisit(UUID lineId, LocalDate date, LocalTime start, LocalTime end) {
        return db.sql("""
                        select exists (select 1 from delivery
                                       where line_id = :lineId and service_date = :date
                                         and start_time < :end and end_time > :start)""")
                .bind("lineId", lineId)
                .bind("date", date)
                .bind("start", start)
                .bind("end", end)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    Mono<Delivery> find(UUID id) {
        return db.sql("""
                        select id, line_id, provider_id, service_date, start_time, end_time, units
                        from delivery where id = :id""")
                .bind("id", id)
                .map(row -> new Delivery(
                        row.get("id", UUID.class),
                        row.get("line_id", UUID.class),
                        row.get("provider_id", String.class),
                        row.get("service_date", LocalDate.class),
                        row.get("start_time", LocalTime.class),
                        row.get("end_time", LocalTime.class),
                        row.get("units", Integer.class)))
                .one();
    }
}
