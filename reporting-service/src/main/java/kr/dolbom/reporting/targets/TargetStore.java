package kr.dolbom.reporting.targets;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.YearMonth;
import kr.dolbom.reporting.ReportingMonth;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The targets' versions, in {@code public.kpi_target}: outside the kpi schema, so no rebuild touches them. */
@Repository
class TargetStore {

    private static final String COLUMNS = "id, district, kpi, valid_from, value, set_by, set_as_role, set_at";

    private final DatabaseClient db;

    TargetStore(DatabaseClient db) {
        this.db = db;
    }

    /** A new version; its id, given by the database, orders it after every earlier one. */
    Mono<Target> insert(
            String district, TargetedKpi kpi, YearMonth validFrom, long value, String setBy, String role, Instant at) {
        return db.sql("insert into public.kpi_target (district, kpi, valid_from, value, set_by, set_as_role, set_at)"
                        + " values (:district, :kpi, :validFrom, :value, :setBy, :role, :at) returning " + COLUMNS)
                .bind("district", district)
                .bind("kpi", kpi.name())
                .bind("validFrom", ReportingMonth.firstDay(validFrom))
                .bind("value", value)
                .bind("setBy", setBy)
                .bind("role", role)
                .bind("at", at)
                .map(TargetStore::target)
                .one();
    }

    Flux<Target> versions(String district) {
        return db.sql("select " + COLUMNS + " from public.kpi_target where district = :district order by id")
                .bind("district", district)
                .map(TargetStore::target)
                .all();
    }

    private static Target target(Readable row) {
        return new Target(
                row.get("id", Long.class),
                row.get("district", String.class),
                TargetedKpi.valueOf(row.get("kpi", String.class)),
                YearMonth.from(row.get("valid_from", java.time.LocalDate.class)),
                row.get("value", Long.class),
                row.get("set_by", String.class),
                row.get("set_as_role", String.class),
                row.get("set_at", Instant.class));
    }
}
