package kr.dolbom.billing.charge;

import java.util.UUID;
import kr.dolbom.events.DeliveryVoided;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The voids heard, by delivery: a delivery voided is never charged, whether its void came before it or after. */
@Repository
class VoidStore {

    private final DatabaseClient db;

    VoidStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records the void unless one of the delivery is recorded already (the first reason stays). */
    Mono<Void> record(DeliveryVoided voided) {
        return db.sql("""
                        insert into delivery_void (delivery_id, reason, voided_on) values (:delivery, :reason, :on)
                        on conflict (delivery_id) do nothing""")
                .bind("delivery", voided.deliveryId())
                .bind("reason", voided.reason().name())
                .bind("on", voided.voidedOn())
                .then();
    }

    Mono<Boolean> voided(UUID deliveryId) {
        return db.sql("select exists (select 1 from delivery_void where delivery_id = :delivery) as voided")
                .bind("delivery", deliveryId)
                .map(row -> Boolean.TRUE.equals(row.get("voided", Boolean.class)))
                .one();
    }
}
