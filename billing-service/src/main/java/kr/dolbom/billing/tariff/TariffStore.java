package kr.dolbom.billing.tariff;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TariffStore {

    private static final String COLUMNS = """
            id, service_type, pricing, effective_from, minimum_minutes, rate, basis_minutes, step_minutes,
            unit_price""";

    private final DatabaseClient db;

    TariffStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The tariff of the service in force on the day: the latest to take effect on or before it. Refused when
     * there is none, as a delivery without a price is never charged at zero.
     */
    public Mono<Tariff> inForce(ServiceType type, LocalDate day) {
        return db.sql("select " + COLUMNS + """
                         from tariff where service_type = :type and effective_from <= :day
                        order by effective_from desc limit 1""")
                .bind("type", type.name())
                .bind("day", day)
                .map(TariffStore::row)
                .one()
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "serviceDate", "no tariff for " + type + " in force on " + day + " to price the delivery by")))
                .flatMap(this::withBands);
    }

    public Flux<Tariff> all() {
        return db.sql("select " + COLUMNS + " from tariff order by service_type, effective_from")
                .map(TariffStore::row)
                .all()
                .concatMap(this::withBands);
    }

    /**
     * Records a configured unit price, or confirms it is recorded already; a different price on the same day is
     * refused.
     */
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
                .flatMap(recorded -> recorded.equals(price)
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("configured price " + price
                                + " differs from the tariff already in force from that day: "
                                + recorded + ". A tariff in use is never changed; give the new price a later "
                                + "effective-from.")));
    }

    private Mono<Tariff> withBands(TariffRow row) {
        if (!"DURATION_BANDS".equals(row.pricing())) {
            return Mono.just(row.toTariff(List.of()));
        }
        return db.sql("select from_minutes, amount from tariff_band where tariff_id = :id order by from_minutes")
                .bind("id", row.id())
                .map(band ->
                        new DurationBands.Band(band.get("from_minutes", Integer.class), band.get("amount", Long.class)))
                .all()
                .collectList()
                .map(row::toTariff);
    }

    private static TariffRow row(Readable row) {
        return new TariffRow(
                row.get("id", String.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("pricing", String.class),
                row.get("effective_from", LocalDate.class),
                row.get("minimum_minutes", Integer.class),
                row.get("rate", Long.class),
                row.get("basis_minutes", Integer.class),
                row.get("step_minutes", Integer.class),
                row.get("unit_price", Long.class));
    }

    /** The columns of a tariff row; which of them are set depends on its pricing. */
    private record TariffRow(
            String id,
            ServiceType serviceType,
            String pricing,
            LocalDate effectiveFrom,
            @Nullable Integer minimumMinutes,
            @Nullable Long rate,
            @Nullable Integer basisMinutes,
            @Nullable Integer stepMinutes,
            @Nullable Long unitPrice) {

        Tariff toTariff(List<DurationBands.Band> bands) {
            return switch (pricing) {
                case "DURATION_BANDS" ->
                    new DurationBands(id, serviceType, effectiveFrom, set(minimumMinutes, "minimum_minutes"), bands);
                case "TIME_RATE" ->
                    new TimeRate(
                            id,
                            serviceType,
                            effectiveFrom,
                            set(rate, "rate"),
                            set(basisMinutes, "basis_minutes"),
                            set(stepMinutes, "step_minutes"),
                            set(minimumMinutes, "minimum_minutes"));
                case "UNIT_PRICE" -> new UnitPrice(id, serviceType, effectiveFrom, set(unitPrice, "unit_price"));
                default -> throw new IllegalStateException("tariff " + id + " has unknown pricing " + pricing);
            };
        }

        /** A column its pricing needs; the table's data, not a caller, would be at fault without it. */
        private <T> T set(@Nullable T value, String column) {
            return Objects.requireNonNull(value, () -> "tariff " + id + " (" + pricing + ") has no " + column);
        }
    }
}
