package kr.dolbom.reporting.delivery;

import static java.util.Objects.requireNonNull;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;
import kr.dolbom.reporting.delivery.DeliveryLedger.Served;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class DeliveryKpiStore {

    private final DatabaseClient db;

    DeliveryKpiStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> add(CareEvent event) {
        return addAll(List.of(event));
    }

    /**
     * Applies the deliveries stream's events, as many as come, in their order: deliveries, voids, holds and
     * rejections. Each delivery's row of {@code delivery_state} is taken first (created if new) and locked in key
     * order, so that two transactions with events of the same delivery apply them one after the other; then the
     * changes, summed per district, month and service, each month one row of one statement, and each resident served
     * once per month and service however often they were served, until none of their deliveries counts.
     */
    public Mono<Void> addAll(List<? extends CareEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        UUID[] ids = events.stream()
                .map(DeliveryLedger::deliveryIdOf)
                .distinct()
                .sorted()
                .toArray(UUID[]::new);
        return db.sql("""
                        insert into delivery_state (delivery_id, state)
                        select id, 'NEW' from unnest(:ids::uuid[]) as id order by id
                        on conflict do nothing""")
                .bind("ids", ids)
                .then()
                .then(db.sql("""
                                select delivery_id, state, district, month, service_type, resident_ref, units, minutes,
                                       line_id, served_on
                                from delivery_state where delivery_id = any(:ids::uuid[])
                                order by delivery_id for update""")
                        .bind("ids", ids)
                        .map(DeliveryKpiStore::state)
                        .all()
                        .collectList())
                .flatMap(before -> {
                    DeliveryLedger ledger = new DeliveryLedger(before);
                    events.forEach(ledger::apply);
                    return writeStates(ledger.states())
                            .then(writeChanges(ledger.changes()))
                            .then(addServed(ledger.served()))
                            .then(removeUnserved(ledger.unserved()));
                });
    }

    private static DeliveryState state(Readable row) {
        String district = row.get("district", String.class);
        LocalDate month = row.get("month", LocalDate.class);
        String serviceType = row.get("service_type", String.class);
        return new DeliveryState(
                requireNonNull(row.get("delivery_id", UUID.class)),
                DeliveryState.Stage.valueOf(requireNonNull(row.get("state", String.class))),
                district == null || month == null || serviceType == null
                        ? null
                        : new DeliveryMonth(district, month, ServiceType.valueOf(serviceType)),
                row.get("resident_ref", UUID.class),
                requireNonNull(row.get("units", Long.class)),
                requireNonNull(row.get("minutes", Long.class)),
                row.get("line_id", UUID.class),
                row.get("served_on", LocalDate.class));
    }

    private Mono<Void> writeStates(Collection<DeliveryState> states) {
        List<DeliveryState> all = List.copyOf(states);
        return db.sql("""
                        update delivery_state as target
                           set state = changed.state, district = changed.district, month = changed.month,
                               service_type = changed.service_type, resident_ref = changed.resident_ref,
                               units = changed.units, minutes = changed.minutes, line_id = changed.line_id,
                               served_on = changed.served_on
                          from unnest(:ids::uuid[], :states::text[], :districts::text[], :months::date[],
                                      :serviceTypes::text[], :residentRefs::uuid[], :units::bigint[],
                                      :minutes::bigint[], :lineIds::uuid[], :servedOn::date[])
                               as changed (delivery_id, state, district, month, service_type, resident_ref, units,
                                           minutes, line_id, served_on)
                         where target.delivery_id = changed.delivery_id""")
                .bind("ids", all.stream().map(DeliveryState::deliveryId).toArray(UUID[]::new))
                .bind("states", all.stream().map(one -> one.stage().name()).toArray(String[]::new))
                .bind(
                        "districts",
                        all.stream().map(one -> monthOf(one).district()).toArray(String[]::new))
                .bind("months", all.stream().map(one -> monthOf(one).firstDay()).toArray(LocalDate[]::new))
                .bind(
                        "serviceTypes",
                        all.stream()
                                .map(one -> monthOf(one).serviceType().name())
                                .toArray(String[]::new))
                .bind(
                        "residentRefs",
                        all.stream().map(DeliveryState::residentRef).toArray(UUID[]::new))
                .bind("units", all.stream().map(DeliveryState::units).toArray(Long[]::new))
                .bind("minutes", all.stream().map(DeliveryState::minutes).toArray(Long[]::new))
                .bind("lineIds", all.stream().map(DeliveryState::lineId).toArray(UUID[]::new))
                .bind("servedOn", all.stream().map(DeliveryState::servedOn).toArray(LocalDate[]::new))
                .then();
    }

    /** Every event of a delivery names its month: after one, no state is without it. */
    private static DeliveryMonth monthOf(DeliveryState state) {
        return requireNonNull(state.month(), () -> "delivery " + state.deliveryId() + " without its month");
    }

    private Mono<Void> writeChanges(Map<DeliveryMonth, DeliveryTotals> months) {
        if (months.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into delivery_month (district, month, service_type, deliveries, units, minutes, held)
                        select * from unnest(:districts::text[], :months::date[], :serviceTypes::text[],
                                             :deliveries::bigint[], :units::bigint[], :minutes::bigint[],
                                             :held::bigint[])
                        on conflict (district, month, service_type) do update
                           set deliveries = delivery_month.deliveries + excluded.deliveries,
                               units = delivery_month.units + excluded.units,
                               minutes = delivery_month.minutes + excluded.minutes,
                               held = delivery_month.held + excluded.held""")
                .bind(
                        "districts",
                        months.keySet().stream().map(DeliveryMonth::district).toArray(String[]::new))
                .bind(
                        "months",
                        months.keySet().stream().map(DeliveryMonth::firstDay).toArray(LocalDate[]::new))
                .bind(
                        "serviceTypes",
                        months.keySet().stream()
                                .map(month -> month.serviceType().name())
                                .toArray(String[]::new))
                .bind(
                        "deliveries",
                        months.values().stream().map(DeliveryTotals::deliveries).toArray(Long[]::new))
                .bind(
                        "units",
                        months.values().stream().map(DeliveryTotals::units).toArray(Long[]::new))
                .bind(
                        "minutes",
                        months.values().stream().map(DeliveryTotals::minutes).toArray(Long[]::new))
                .bind("held", months.values().stream().map(DeliveryTotals::held).toArray(Long[]::new))
                .then();
    }

    private Mono<Void> addServed(Set<Served> served) {
        if (served.isEmpty()) {
            return Mono.empty();
        }
        return residents("""
                        insert into resident_served (district, month, service_type, resident_ref)
                        select * from unnest(:districts::text[], :months::date[], :serviceTypes::text[],
                                             :residentRefs::uuid[])
                        on conflict do nothing""", served);
    }

    /**
     * A struck-out delivery's resident is no longer served in its month and service unless another delivery of
     * theirs still counts there. Deliveries counted before V8 are not in {@code delivery_state}: a void of one is
     * not heard as a delivery's (see V8), and a rebuild recounts them all.
     */
    private Mono<Void> removeUnserved(Set<Served> unserved) {
        if (unserved.isEmpty()) {
            return Mono.empty();
        }
        return residents("""
                        delete from resident_served as served
                         using unnest(:districts::text[], :months::date[], :serviceTypes::text[],
                                      :residentRefs::uuid[]) as gone (district, month, service_type, resident_ref)
                         where served.district = gone.district and served.month = gone.month
                           and served.service_type = gone.service_type and served.resident_ref = gone.resident_ref
                           and not exists (
                               select 1 from delivery_state as counted
                                where counted.state = 'DELIVERED' and counted.district = gone.district
                                  and counted.month = gone.month and counted.service_type = gone.service_type
                                  and counted.resident_ref = gone.resident_ref)""", unserved);
    }

    private Mono<Void> residents(String sql, Set<Served> residents) {
        return db.sql(sql)
                .bind(
                        "districts",
                        residents.stream().map(one -> one.month().district()).toArray(String[]::new))
                .bind(
                        "months",
                        residents.stream().map(one -> one.month().firstDay()).toArray(LocalDate[]::new))
                .bind(
                        "serviceTypes",
                        residents.stream()
                                .map(one -> one.month().serviceType().name())
                                .toArray(String[]::new))
                .bind(
                        "residentRefs",
                        residents.stream().map(Served::residentRef).toArray(UUID[]::new))
                .then();
    }

    public Mono<MonthlyDeliveries> deliveries(String district, YearMonth month) {
        return db.sql("""
                        select service_type, deliveries, units, minutes, held from delivery_month
                        where district = :district and month = :month""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> Map.entry(
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        new DeliveryTotals(
                                row.get("deliveries", Long.class),
                                row.get("units", Long.class),
                                row.get("minutes", Long.class),
                                row.get("held", Long.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(ServiceType.class))
                .map(MonthlyDeliveries::new);
    }

    public Mono<UsersServed> usersServed(String district, YearMonth month) {
        // The empty grouping set adds the row of all services (service_type null): distinct across services.
        return db.sql("""
                        select service_type, count(distinct resident_ref) as users from resident_served
                        where district = :district and month = :month
                        group by grouping sets ((service_type), ())""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> new Users(row.get("service_type", String.class), row.get("users", Long.class)))
                .all()
                .collectList()
                .map(rows -> {
                    Map<ServiceType, Long> byService = new EnumMap<>(ServiceType.class);
                    long total = 0;
                    for (Users users : rows) {
                        if (users.serviceType() == null) {
                            total = users.count();
                        } else {
                            byService.put(ServiceType.valueOf(users.serviceType()), users.count());
                        }
                    }
                    return new UsersServed(byService, total);
                });
    }

    /**
     * 긴급돌봄: the residents given a service on an urgent line in the month, and their service-days (a resident's day
     * with a service given counts once, however many services it had). Counted from each delivery's line, so the
     * order in which a line's urgency and its deliveries were heard does not matter.
     */
    public Mono<EmergencyCare> emergencyCare(String district, YearMonth month) {
        return db.sql("""
                        select count(distinct d.resident_ref) as users,
                               count(distinct (d.resident_ref, d.served_on)) as days
                        from delivery_state d join service_line l on l.line_id = d.line_id and l.urgent
                        where d.state = 'DELIVERED' and d.district = :district and d.month = :month
                          and d.served_on is not null""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> new EmergencyCare(row.get("users", Long.class), row.get("days", Long.class)))
                .one();
    }

    /** The district's deliveries held for the window now (검증 보류), whatever month they were given in. */
    public Mono<Long> heldNow(String district) {
        return db.sql("select count(*) as held from delivery_state where district = :district and state = 'HELD'")
                .bind("district", district)
                .map(row -> row.get("held", Long.class))
                .one();
    }

    /** A row of the grouping: one service, or all of them when {@code serviceType} is null. */
    private record Users(@Nullable String serviceType, long count) {}
}
