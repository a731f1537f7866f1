package kr.dolbom.reporting.delivery;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
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
        DeliveryFigures delivery = DeliveryFigures.of(delivered);
        Mono<Void> totals = db.sql("""
                        insert into delivery_month (district, month, service_type, deliveries, units, minutes)
                        values (:district, :month, :serviceType, 1, :units, :minutes)
                        on conflict (district, month, service_type) do update
                           set deliveries = delivery_month.deliveries + excluded.deliveries,
                               units = delivery_month.units + excluded.units,
                               minutes = delivery_month.minutes + excluded.minutes""")
                .bind("district", delivery.district())
                .bind("month", ReportingMonth.firstDay(delivery.month()))
                .bind("serviceType", delivery.serviceType().name())
                .bind("units", delivery.units())
                .bind("minutes", delivery.minutes())
                .then();
        Mono<Void> served = db.sql("""
                        insert into resident_served (district, month, service_type, resident_ref)
                        values (:district, :month, :serviceType, :residentRef)
                        on conflict do nothing""")
                .bind("district", delivery.district())
                .bind("month", ReportingMonth.firstDay(delivery.month()))
                .bind("serviceType", delivery.serviceType().name())
                .bind("residentRef", delivery.residentRef())
                .then();
        return totals.then(served);
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
