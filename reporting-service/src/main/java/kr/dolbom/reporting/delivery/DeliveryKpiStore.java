package kr.dolbom.reporting.delivery;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;
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

    Mono<Void> add(ServiceDelivered delivered) {
        return addAll(List.of(delivered));
    }

    /**
     * Adds deliveries, as many as come: summed per district, month and service first, each month one row of one
     * statement, and each resident served once per month and service however often they were served.
     */
    public Mono<Void> addAll(List<ServiceDelivered> delivered) {
        Map<Month, DeliveryTotals> months = new TreeMap<>();
        Set<Served> served = new TreeSet<>();
        for (ServiceDelivered one : delivered) {
            DeliveryFigures delivery = DeliveryFigures.of(one);
            Month month =
                    new Month(delivery.district(), ReportingMonth.firstDay(delivery.month()), delivery.serviceType());
            months.merge(month, DeliveryTotals.of(delivery), DeliveryTotals::plus);
            served.add(new Served(month, delivery.residentRef()));
        }
        if (months.isEmpty()) {
            return Mono.empty();
        }
        Mono<Void> totals = db.sql("""
                        insert into delivery_month (district, month, service_type, deliveries, units, minutes)
                        select * from unnest(:districts::text[], :months::date[], :serviceTypes::text[],
                                             :deliveries::bigint[], :units::bigint[], :minutes::bigint[])
                        on conflict (district, month, service_type) do update
                           set deliveries = delivery_month.deliveries + excluded.deliveries,
                               units = delivery_month.units + excluded.units,
                               minutes = delivery_month.minutes + excluded.minutes""")
                .bind("districts", months.keySet().stream().map(Month::district).toArray(String[]::new))
                .bind("months", months.keySet().stream().map(Month::firstDay).toArray(LocalDate[]::new))
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
                .then();
        Mono<Void> residents = db.sql("""
                        insert into resident_served (district, month, service_type, resident_ref)
                        select * from unnest(:districts::text[], :months::date[], :serviceTypes::text[],
                                             :residentRefs::uuid[])
                        on conflict do nothing""")
                .bind(
                        "districts",
                        served.stream().map(one -> one.month().district()).toArray(String[]::new))
                .bind(
                        "months",
                        served.stream().map(one -> one.month().firstDay()).toArray(LocalDate[]::new))
                .bind(
                        "serviceTypes",
                        served.stream()
                                .map(one -> one.month().serviceType().name())
                                .toArray(String[]::new))
                .bind("residentRefs", served.stream().map(Served::residentRef).toArray(UUID[]::new))
                .then();
        return totals.then(residents);
    }

    /** A district's month of one service, in key order: every transaction locks its rows in the same order. */
    private record Month(String district, LocalDate firstDay, ServiceType serviceType) implements Comparable<Month> {

        private static final Comparator<Month> ORDER = Comparator.comparing(Month::district)
                .thenComparing(Month::firstDay)
                .thenComparing(Month::serviceType);

        @Override
        public int compareTo(Month other) {
            return ORDER.compare(this, other);
        }
    }

    private record Served(Month month, UUID residentRef) implements Comparable<Served> {

        @Override
        public int compareTo(Served other) {
            int byMonth = month.compareTo(other.month);
            return byMonth != 0 ? byMonth : residentRef.compareTo(other.residentRef);
        }
    }

    public Mono<MonthlyDeliveries> deliveries(String district, YearMonth month) {
        return db.sql("""
                        select service_type, deliveries, units, minutes from delivery_month
                        where district = :district and month = :month""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> Map.entry(
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        new DeliveryTotals(
                                row.get("deliveries", Long.class),
                                row.get("units", Long.class),
                                row.get("minutes", Long.class))))
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

    /** A row of the grouping: one service, or all of them when {@code serviceType} is null. */
    private record Users(@Nullable String serviceType, long count) {}
}
