package kr.dolbom.intake.request;

import io.r2dbc.postgresql.codec.Json;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The first answer given to each Idempotency-Key, with a fingerprint of the request it answered. */
@Repository
class IdempotencyKeyStore {

    private final DatabaseClient db;

    IdempotencyKeyStore(DatabaseClient db) {
        this.db = db;
    }

    record Stored(String requestHash, byte[] response) {}

    Mono<Stored> find(String key) {
        return db.sql("select request_hash, response from idempotency_key where key = :key")
                .bind("key", key)
                .map(row -> new Stored(
                        row.get("request_hash", String.class),
                        row.get("response", Json.class).asArray()))
                .one();
    }

    /** Fails with a duplicate-key error when a concurrent request with the same key committed first. */
    Mono<Void> remember(String key, String requestHash, UUID careOrderId, byte[] response) {
        return db.sql("""
                        insert into idempotency_key (key, request_hash, care_order_id, response)
                        values (:key, :hash, :orderId, :response)""")
                .bind("key", key)
                .bind("hash", requestHash)
                .bind("orderId", careOrderId)
                .bind("response", Json.of(response))
                .then();
    }
}
