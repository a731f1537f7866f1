package kr.dolbom.intake.assessment;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The last assessment of each order; an earlier one is kept in the order's history by what it decided. */
@Repository
class AssessmentStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    AssessmentStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    record Assessed(Assessment assessment, String assessedBy, Instant assessedAt) {}

    Mono<Void> save(UUID careOrderId, Assessed assessed) {
        return db.sql("""
                        insert into care_order_assessment (care_order_id, assessment, assessed_by, assessed_at)
                        values (:id, :assessment, :by, :at)
                        on conflict (care_order_id) do update
                        set assessment = excluded.assessment, assessed_by = excluded.assessed_by,
                            assessed_at = excluded.assessed_at""")
                .bind("id", careOrderId)
                .bind("assessment", Json.of(json.writeValueAsBytes(assessed.assessment())))
                .bind("by", assessed.assessedBy())
                .bind("at", assessed.assessedAt())
                .then();
    }

    Mono<Assessed> find(UUID careOrderId) {
        return db.sql(
                        "select assessment, assessed_by, assessed_at from care_order_assessment where care_order_id = :id")
                .bind("id", careOrderId)
                .map(row -> new Assessed(
                        json.readValue(row.get("assessment", Json.class).asArray(), Assessment.class),
                        row.get("assessed_by", String.class),
                        row.get("assessed_at", Instant.class)))
                .one();
    }
}
