package kr.dolbom.reporting.rebuild;

import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Each rebuild's progress as its instance last recorded it ({@code public.rebuild_run}). */
@Repository
class RebuildProgress {

    private final DatabaseClient db;
    private final JsonMapper json;

    RebuildProgress(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> record(RebuildAnswer answer) {
        return db.sql("""
                        insert into public.rebuild_run (id, state, answer, recorded_at)
                        values (:id, :state, :answer, :recordedAt)
                        on conflict (id) do update
                            set state = excluded.state, answer = excluded.answer, recorded_at = excluded.recorded_at""")
                .bind("id", answer.id())
                .bind("state", answer.state().name())
                .bind("answer", Json.of(json.writeValueAsString(answer)))
                .bind("recordedAt", answer.recordedAt())
                .then();
    }

    Mono<RebuildAnswer> find(UUID id) {
        return db.sql("select answer from public.rebuild_run where id = :id")
                .bind("id", id)
                .map(row -> json.readValue(row.get("answer", Json.class).asString(), RebuildAnswer.class))
                .one();
    }
}
