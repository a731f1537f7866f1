package kr.dolbom.matching.assignment;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import kr.dolbom.events.OrderPlaced;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Placed orders waiting for their approved care plan before they are matched. */
@Repository
class PendingPlacementStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    PendingPlacementStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<Void> keep(OrderPlaced placed, Instant at) {
        return db.sql("""
                        insert into pending_placement (care_order_id, placed, received_at) values (:id, :placed, :at)
                        on conflict do nothing""")
                .bind("id", placed.careOrderId())
                .bind("placed", Json.of(json.writeValueAsBytes(placed)))
                .bind("at", at)
                .then();
    }

    /** The order as placed, if it still waits; it waits no longer. */
    Mono<OrderPlaced> take(UUID careOrderId) {
        return db.sql("delete from pending_placement where care_order_id = :id returning placed")
                .bind("id", careOrderId)
                .map(row -> json.readValue(row.get("placed", Json.class).asArray(), OrderPlaced.class))
                .one();
    }
}
