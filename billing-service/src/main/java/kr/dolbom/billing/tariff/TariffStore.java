package kr.dolbom.billing.tariff;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import kr.dolbom.events.ServiceType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TariffStore {

    private static final String COLUMNS = """
            id, service_type, pricing, effective_from, minimum_minutes, rate, basis_minutes, step_minutes, unit_price""";

    private final DatabaseClient db;

    TariffStore(DatabaseClient db) {
        this.db = db;
    }

    /** The tariff of the service in force on the day: the latest to take effect on or before it. */
    public Mono<Tariff> inForce(ServiceType type, LocalDate day) {
        return db.sql("select " + COLUMNS + """
                         from tariff where service_type = :type and effective_from <= :day
                        order by effective_from desc limit 1""")
                .bind("type", type.name())
                .bind("day", day)
                .map(TariffRow::of)
                .one()
                .flatMap(this::withBands);
    }

    public Flux<Tariff> all() {
        return db.sql("select " + COLUMNS + " from tariff order by service_type, effective_from")
                .map(TariffRow::of)
                .all()
                .concatMap(this::withBands);
    }

    /** Records a configured unit price, or confirms it is recorded already; a different price on the same day is refused. */
    Mono<Void> recordUnitPrice(UnitPrice price, String basis) {
        return db.sql("""
                        insert into tariff (id, service_type, pricing, effective_from, unit_price, basis)
                        values (:id, :type, 'UNIT_PRICE', :from, :price, :basis)
                        on conflict (service_type, effective_from) do nothing""")
                .bind("id", price.id())
                .bind("type", price.serviceType().name())
                .bind("from", price.effectiveFrom())
                .bind("price", price.unitPrice())
                .bind("basis", basis)
                .then()
                .then(inForce(price.serviceType(), price.effectiveFrom()))
                .flatMap(recorded -> recorded.equals(price) ? Mono.<Void>empty() : Mono.error(new IllegalStateException(
                        "configured price " + price + " differs from the tariff already in force from that day: "
                                + recorded + ". A tariff in use is never changed; give the new price a later effective-from.")));
    }

    private Mono<Tariff> withBands(TariffRow row) {
        if (!"DURATION_BANDS".equals(row.pricing())) {
            return Mono.just(row.toTariff(List.of()));
        }
        return db.sql("select from_minutes, amount from tariff_band where tariff_id = :id order by from_minutes")
                .bind("id", row.id())
                .map(band -> new DurationBands.Band(band.get("from_minutes", Integer.class), band.get("amount", Long.class)))
                .all()
                .collectList()
                .map(row::toTariff);
    }

    private record TariffRow(String id, ServiceType serviceType, String pricing, LocalDate effectiveFrom,
            Integer minimumMinutes, Long rate, Integer basisMinutes, Integer stepMinutes, Long unitPrice) {

        static TariffRow of(Readable row) {
            return new TariffRow(row.get("id", String.class), ServiceType.valueOf(row.get("service_type", String.class)),
                    row.get("pricing", String.class), row.get("effective_from", LocalDate.class),
                    row.get("minimum_minutes", Integer.class), row.get("rate", Long.class),
                    row.get("basis_minutes", Integer.class), row.get("step_minutes", Integer.class),
                    row.get("unit_price", Long.class));
        }

        Tariff toTariff(List<DurationBands.Band> bands) {
            return switch (pricing) {
                case "DURATION_BANDS" -> new DurationBands(id, serviceType, effectiveFrom, minimumMinutes, bands);
                case "TIME_RATE" -> new TimeRate(id, serviceType, effectiveFrom, rate, basisMinutes, stepMinutes,
                        minimumMinutes);
                case "UNIT_PRICE" -> new UnitPrice(id, serviceType, effectiveFrom, unitPrice);
                default -> throw new IllegalStateException("tariff " + id + " has unknown pricing " + pricing);
            };
        }
    }
}
