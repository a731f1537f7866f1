package kr.dolbom.intake.plan;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The care plans' tables: a plan's revision, and its versions with their lines as written. */
@Repository
class CarePlanStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    CarePlanStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A line as stored: exactly one of {@code rule} and {@code dates}. */
    record StoredLine(
            UUID lineId,
            ServiceType serviceType,
            int quantityPerOccurrence,
            @Nullable Integer minutesPerVisit,
            @Nullable String rule,
            @Nullable List<LocalDate> dates,
            LocalDate startsOn,
            LocalDate endsOn) {

        static StoredLine of(PlanLine line) {
            return new StoredLine(
                    line.lineId(),
                    line.serviceType(),
                    line.quantityPerOccurrence(),
                    line.minutesPerVisit(),
                    line.recurrence() instanceof Recurrence.Rule rule ? rule.rrule() : null,
                    line.recurrence() instanceof Recurrence.Dates dates ? dates.dates() : null,
                    line.startsOn(),
                    line.endsOn());
        }

        PlanLine line() {
            Recurrence recurrence = rule != null ? new Recurrence.Rule(rule) : new Recurrence.Dates(dates(dates));
            return new PlanLine(
                    lineId, serviceType, quantityPerOccurrence, minutesPerVisit, recurrence, startsOn, endsOn);
        }

        private static List<LocalDate> dates(@Nullable List<LocalDate> dates) {
            if (dates == null) {
                throw new IllegalStateException("a stored plan line has neither a rule nor dates");
            }
            return dates;
        }
    }

    /** The order's plan; one without versions when none was drafted yet. */
    Mono<CarePlan> find(UUID careOrderId) {
        return db.sql("select revision from care_plan where care_order_id = :id")
                .bind("id", careOrderId)
                .map(row -> row.get("revision", Integer.class))
                .one()
                .flatMap(revision -> db.sql("""
                                select number, effective_from, lines, ended, drafted_by, drafted_at, approved_by,
                                       approved_at
                                from care_plan_version where care_order_id = :id order by number""")
                        .bind("id", careOrderId)
                        .map(this::version)
                        .all()
                        .collectList()
                        .map(versions -> new CarePlan(careOrderId, versions, revision)))
                .defaultIfEmpty(new CarePlan(careOrderId, List.of(), 0));
    }

    /** Saves the plan's newest version (a new draft, a replaced draft, or the approval) and its revision. */
    Mono<Void> saveLatest(CarePlan plan) {
        List<PlanVersion> versions = plan.versions();
        PlanVersion latest = versions.get(versions.size() - 1);
        Mono<Long> header = db.sql("""
                        insert into care_plan (care_order_id, revision) values (:id, :revision)
                        on conflict (care_order_id) do update set revision = excluded.revision""")
                .bind("id", plan.careOrderId())
                .bind("revision", plan.revision())
                .fetch()
                .rowsUpdated();
        // a replaced draft is the only version that is ever overwritten; the approval of a draft is its last write
        Mono<Long> version = db.sql("""
                        insert into care_plan_version (care_order_id, number, effective_from, lines, ended,
                                                       drafted_by, drafted_at, approved_by, approved_at)
                        values (:id, :number, :from, :lines, :ended, :draftedBy, :draftedAt, :approvedBy, :approvedAt)
                        on conflict (care_order_id, number) do update
                        set effective_from = excluded.effective_from, lines = excluded.lines, ended = excluded.ended,
                            drafted_by = excluded.drafted_by, drafted_at = excluded.drafted_at,
                            approved_by = excluded.approved_by, approved_at = excluded.approved_at
                        where care_plan_version.approved_at is null""")
                .bind("id", plan.careOrderId())
                .bind("number", latest.number())
                .bind("from", latest.effectiveFrom())
                .bind(
                        "lines",
                        Json.of(json.writeValueAsBytes(
                                latest.lines().stream().map(StoredLine::of).toList())))
                .bind("ended", Json.of(json.writeValueAsBytes(latest.ended())))
                .bind("draftedBy", latest.draftedBy())
                .bind("draftedAt", latest.draftedAt())
                .bind("approvedBy", Parameter.fromOrEmpty(latest.approvedBy(), String.class))
                .bind("approvedAt", Parameter.fromOrEmpty(latest.approvedAt(), Instant.class))
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("version " + latest.number()
                        + " of the plan of " + plan.careOrderId() + " is approved already")));
        return header.then(version).then();
    }

    private PlanVersion version(Readable row) {
        List<StoredLine> lines =
                json.readValue(row.get("lines", Json.class).asArray(), new TypeReference<List<StoredLine>>() {});
        List<CarePlanApproved.Ended> ended = json.readValue(
                row.get("ended", Json.class).asArray(), new TypeReference<List<CarePlanApproved.Ended>>() {});
        return new PlanVersion(
                row.get("number", Integer.class),
                row.get("effective_from", LocalDate.class),
                lines.stream().map(StoredLine::line).toList(),
                ended,
                row.get("drafted_by", String.class),
                row.get("drafted_at", Instant.class),
                row.get("approved_by", String.class),
                row.get("approved_at", Instant.class));
    }
}
