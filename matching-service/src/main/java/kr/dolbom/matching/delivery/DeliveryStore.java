package kr.dolbom.matching.delivery;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.DeliveryOutcome;
import kr.dolbom.events.VoidReason;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class DeliveryStore {

    private static final String COLUMNS = """
            id, line_id, provider_id, service_date, start_time, end_time, units, worker_ref, place, outcome, status,
            hold_reason, counted, announced, coalesce(void_note, decision_note) as note, void_reason""";

    /** Deliveries that no longer stand for work done: they neither conflict with nor count beside others. */
    private static final String STANDING = "status not in ('REJECTED', 'VOIDED')";

    private final DatabaseClient db;

    DeliveryStore(DatabaseClient db) {
        this.db = db;
    }

    /** Fails with a duplicate-key error for a second report of the same visit or the same day's units. */
    Mono<Void> insert(Delivery delivery) {
        return db.sql("""
                        insert into delivery (id, line_id, provider_id, service_date, start_time, end_time, units,
                                              worker_ref, place, outcome, status, hold_reason, counted, announced)
                        values (:id, :lineId, :provider, :date, :start, :end, :units, :worker, :place, :outcome,
                                :status, :reason, :counted, :announced)""")
                .bind("id", delivery.deliveryId())
                .bind("lineId", delivery.lineId())
                .bind("provider", delivery.providerId())
                .bind("date", delivery.serviceDate())
                .bind("start", Parameter.fromOrEmpty(delivery.startTime(), LocalTime.class))
                .bind("end", Parameter.fromOrEmpty(delivery.endTime(), LocalTime.class))
                .bind("units", Parameter.fromOrEmpty(delivery.units(), Integer.class))
                .bind("worker", Parameter.fromOrEmpty(delivery.workerRef(), String.class))
                .bind("place", Parameter.fromOrEmpty(delivery.place(), String.class))
                .bind("outcome", delivery.outcome().name())
                .bind("status", delivery.status().name())
                .bind("reason", Parameter.fromOrEmpty(name(delivery.holdReason()), String.class))
                .bind("counted", delivery.counted())
                .bind("announced", delivery.announced())
                .then();
    }

    /** Whether another visit of the line on that day overlaps this one: one carer cannot be there twice. */
    Mono<Boolean> overlapsAnotherVisit(UUID lineId, LocalDate date, LocalTime start, LocalTime end) {
        return db.sql("select exists (select 1 from delivery where line_id = :lineId and service_date = :date"
                        + " and start_time < :end and end_time > :start and " + STANDING + ")")
                .bind("lineId", lineId)
                .bind("date", date)
                .bind("start", start)
                .bind("end", end)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /** 동시 방문: whether the worker was, by the provider's reports, somewhere else at the time, on any of its lines. */
    Mono<Boolean> workerElsewhere(String providerId, String workerRef, LocalDate date, LocalTime start, LocalTime end) {
        return db.sql("select exists (select 1 from delivery where provider_id = :provider and worker_ref = :worker"
                        + " and service_date = :date and start_time < :end and end_time > :start and " + STANDING
                        + ")")
                .bind("provider", providerId)
                .bind("worker", workerRef)
                .bind("date", date)
                .bind("start", start)
                .bind("end", end)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /** The line's visits that took from its plan in the week from {@code monday}. */
    Mono<Integer> visitsCountedInWeek(UUID lineId, LocalDate monday) {
        return db.sql("select count(*)::int from delivery where line_id = :lineId and counted > 0"
                        + " and service_date between :monday and :sunday and " + STANDING)
                .bind("lineId", lineId)
                .bind("monday", monday)
                .bind("sunday", monday.plusDays(6))
                .map(row -> row.get(0, Integer.class))
                .one();
    }

    /** 부재 방문 지급 기준, every dated row. */
    Mono<List<AbsencePay.Rule>> absencePayRules() {
        return db.sql("select outcome, valid_from, paid from absence_pay_rule")
                .map(row -> new AbsencePay.Rule(
                        DeliveryOutcome.valueOf(row.get("outcome", String.class)),
                        row.get("valid_from", LocalDate.class),
                        Boolean.TRUE.equals(row.get("paid", Boolean.class))))
                .all()
                .collectList();
    }

    Mono<Delivery> find(UUID id) {
        return db.sql("select " + COLUMNS + " from delivery where id = :id")
                .bind("id", id)
                .map(DeliveryStore::delivery)
                .one();
    }

    /** Loads the delivery with its row locked: the window's answers to one delivery come one at a time. */
    Mono<Delivery> lock(UUID id) {
        return db.sql("select " + COLUMNS + " from delivery where id = :id for update")
                .bind("id", id)
                .map(DeliveryStore::delivery)
                .one();
    }

    /** The window's release or rejection of a held delivery, by whom and why. */
    Mono<Void> decide(UUID id, DeliveryStatus status, boolean announced, String by, String note) {
        return db.sql("""
                        update delivery set status = :status, announced = :announced, decided_by = :by,
                                            decided_at = clock_timestamp(), decision_note = :note
                        where id = :id""")
                .bind("status", status.name())
                .bind("announced", announced)
                .bind("by", by)
                .bind("note", note)
                .bind("id", id)
                .then();
    }

    Mono<Void> voided(UUID id, VoidReason reason, LocalDate on, String by, String note) {
        return db.sql("""
                        update delivery set status = 'VOIDED', void_reason = :reason, voided_on = :on, voided_by = :by,
                                            void_note = :note
                        where id = :id""")
                .bind("reason", reason.name())
                .bind("on", on)
                .bind("by", by)
                .bind("note", note)
                .bind("id", id)
                .then();
    }

    /** 보류 목록: the provider's held deliveries, oldest report first. */
    Flux<Delivery> heldOf(String providerId) {
        return db.sql("select " + COLUMNS + " from delivery where provider_id = :provider and status = 'HELD'"
                        + " order by reported_at, id")
                .bind("provider", providerId)
                .map(DeliveryStore::delivery)
                .all();
    }

    /** 보류 목록: the held deliveries on the district's lines, oldest report first. */
    Flux<Delivery> heldIn(String district) {
        return db.sql("select " + COLUMNS + " from delivery where status = 'HELD' and line_id in"
                        + " (select line_id from line_assignment where district = :district) order by reported_at, id")
                .bind("district", district)
                .map(DeliveryStore::delivery)
                .all();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Delivery delivery(Readable row) {
        String reason = row.get("hold_reason", String.class);
        String voidReason = row.get("void_reason", String.class);
        return new Delivery(
                row.get("id", UUID.class),
                row.get("line_id", UUID.class),
                row.get("provider_id", String.class),
                row.get("service_date", LocalDate.class),
                row.get("start_time", LocalTime.class),
                row.get("end_time", LocalTime.class),
                row.get("units", Integer.class),
                row.get("worker_ref", String.class),
                row.get("place", String.class),
                DeliveryOutcome.valueOf(row.get("outcome", String.class)),
                DeliveryStatus.valueOf(row.get("status", String.class)),
                reason == null ? null : DeliveryHoldReason.valueOf(reason),
                row.get("counted", Integer.class),
                Boolean.TRUE.equals(row.get("announced", Boolean.class)),
                row.get("note", String.class),
                voidReason == null ? null : VoidReason.valueOf(voidReason));
    }
}
