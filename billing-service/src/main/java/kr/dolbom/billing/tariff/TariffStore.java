package kr.dolbom.billing.tariff;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class TariffStore {

    private static final String COLUMNS = """
            id, service_type, pricing, effective_from, minimum_minutes, rate, basis_minutes, step_minutes,
            unit_price, district, basis, recorded_by, recorded_as_role, recorded_at""";

    private final DatabaseClient db;

    TariffStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The tariff of the service in force on the day in the district: the latest to take effect on or before it, of
     * the city-wide ones and the district's own, the district's first on the same day. Refused when there is none,
     * as a delivery without a price is never charged at zero.
     */
    public Mono<Tariff> inForce(String district, ServiceType type, LocalDate day) {
        return db.sql("select " + COLUMNS + """
                         from tariff
                        where (district = :district or district is null) and service_type = :type
                          and effective_from <= :day
                        order by effective_from desc, district nulls last limit 1""")
                .bind("district", district)
                .bind("type", type.name())
                .bind("day", day)
                .map(TariffStore::row)
                .one()
                .switchIfEmpty(Mono.error(() -> RuleViolation.refused(
                        "serviceDate",
                        "no tariff for " + type + " in force on " + day + " in " + district
                                + " to price the delivery by")))
                .flatMap(this::withBands);
    }

    /** The city-wide tariffs (the migrations', the configuration's), by service and day. */
    public Flux<Tariff> all() {
        return db.sql("select " + COLUMNS + " from tariff where district is null order by service_type, effective_from")
                .map(TariffStore::row)
                .all()
                .concatMap(this::withBands);
    }

    /** Every tariff that prices the district's deliveries, city-wide and its own, by service and day. */
    Flux<TariffEntry> of(String district) {
        return db.sql("select " + COLUMNS + """
                         from tariff where district = :district or district is null
                        order by service_type, effective_from, district nulls first""")
                .bind("district", district)
                .map(TariffStore::row)
                .all()
                .concatMap(row -> withBands(row)
                        .map(tariff -> new TariffEntry(
                                row.district(),
                                tariff,
                                row.basis(),
                                row.recordedBy(),
                                row.recordedAsRole(),
                                row.recordedAt())));
    }

    /**
     * Records a district's tariff, its bands and the audit of the change; false (nothing written) when the district
     * has a tariff of the service from that day already. Call it in a transaction.
     */
    Mono<Boolean> insert(TariffEntry entry) {
        Tariff tariff = entry.tariff();
        var insert = db.sql("""
                        insert into tariff (id, service_type, pricing, effective_from, minimum_minutes, rate,
                                            basis_minutes, step_minutes, unit_price, basis, district, recorded_by,
                                            recorded_as_role, recorded_at)
                        values (:id, :type, :pricing, :from, :minimum, :rate, :basisMinutes, :step, :unitPrice,
                                :basis, :district, :by, :role, :at)
                        on conflict do nothing""")
                .bind("id", tariff.id())
                .bind("type", tariff.serviceType().name())
                .bind("from", tariff.effectiveFrom())
                .bind("basis", entry.basis())
                .bind("district", Parameter.fromOrEmpty(entry.district(), String.class))
                .bind("by", Parameter.fromOrEmpty(entry.recordedBy(), String.class))
                .bind("role", Parameter.fromOrEmpty(entry.recordedAsRole(), String.class))
                .bind("at", entry.recordedAt());
        if (tariff instanceof DurationBands bands) {
            insert = insert.bind("pricing", Pricing.DURATION_BANDS.name())
                    .bind("minimum", bands.minimumMinutes())
                    .bindNull("rate", Long.class)
                    .bindNull("basisMinutes", Integer.class)
                    .bindNull("step", Integer.class)
                    .bindNull("unitPrice", Long.class);
        } else if (tariff instanceof TimeRate rate) {
            insert = insert.bind("pricing", Pricing.TIME_RATE.name())
                    .bind("minimum", rate.minimumMinutes())
                    .bind("rate", rate.rate())
                    .bind("basisMinutes", rate.basisMinutes())
                    .bind("step", rate.stepMinutes())
                    .bindNull("unitPrice", Long.class);
        } else {
            insert = insert.bind("pricing", Pricing.UNIT_PRICE.name())
                    .bindNull("minimum", Integer.class)
                    .bindNull("rate", Long.class)
                    .bindNull("basisMinutes", Integer.class)
                    .bindNull("step", Integer.class)
                    .bind("unitPrice", ((UnitPrice) tariff).unitPrice());
        }
        List<DurationBands.Band> bands = tariff instanceof DurationBands banded ? banded.bands() : List.of();
        TariffChange change = TariffChange.added(entry);
        return insert.fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.just(false)
                        : Flux.fromIterable(bands)
                                .concatMap(band -> db.sql("""
                                                insert into tariff_band (tariff_id, from_minutes, amount)
                                                values (:id, :from, :amount)""")
                                        .bind("id", tariff.id())
                                        .bind("from", band.fromMinutes())
                                        .bind("amount", band.amount())
                                        .then())
                                .then(db.sql("""
                                                insert into tariff_change (district, tariff_id, actor, role, at, what)
                                                values (:district, :id, :actor, :role, :at, :what)""")
                                        .bind("district", change.district())
                                        .bind("id", change.tariffId())
                                        .bind("actor", change.actor())
                                        .bind("role", change.role())
                                        .bind("at", change.at())
                                        .bind("what", change.what())
                                        .then())
                                .thenReturn(true));
    }

    /** The audited changes of the district's tariffs, oldest first. */
    Flux<TariffChange> changes(String district) {
        return db.sql("""
                        select district, tariff_id, actor, role, at, what from tariff_change
                        where district = :district order by seq""")
                .bind("district", district)
                .map(row -> new TariffChange(
                        row.get("district", String.class),
                        row.get("tariff_id", String.class),
                        row.get("actor", String.class),
                        row.get("role", String.class),
                        row.get("at", Instant.class),
                        row.get("what", String.class)))
                .all();
    }

    /**
     * Records a configured unit price, or confirms it is recorded already; a different price on the same day is
     * refused.
     */
    Mono<Void> recordUnitPrice(UnitPrice price, String basis) {
        return db.sql("""
                        insert into tariff (id, service_type, pricing, effective_from, unit_price, basis)
                        values (:id, :type, 'UNIT_PRICE', :from, :price, :basis)
                        on conflict do nothing""")
                .bind("id", price.id())
                .bind("type", price.serviceType().name())
                .bind("from", price.effectiveFrom())
                .bind("price", price.unitPrice())
                .bind("basis", basis)
                .then()
                .then(cityWide(price.serviceType(), price.effectiveFrom()))
                .flatMap(recorded -> recorded.equals(price)
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("configured price " + price
                                + " differs from the tariff already in force from that day: "
                                + recorded + ". A tariff in use is never changed; give the new price a later "
                                + "effective-from.")));
    }

    private Mono<Tariff> cityWide(ServiceType type, LocalDate day) {
        return db.sql("select " + COLUMNS + """
                         from tariff where district is null and service_type = :type and effective_from <= :day
                        order by effective_from desc limit 1""")
                .bind("type", type.name())
                .bind("day", day)
                .map(TariffStore::row)
                .one()
                .flatMap(this::withBands);
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
                row.get("unit_price", Long.class),
                row.get("district", String.class),
                row.get("basis", String.class),
                row.get("recorded_by", String.class),
                row.get("recorded_as_role", String.class),
                row.get("recorded_at", Instant.class));
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
            @Nullable Long unitPrice,
            @Nullable String district,
            String basis,
            @Nullable String recordedBy,
            @Nullable String recordedAsRole,
            Instant recordedAt) {

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
