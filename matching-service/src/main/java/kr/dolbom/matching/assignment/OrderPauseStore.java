package kr.dolbom.matching.assignment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.OrderPause;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The holds and ends of orders, as intake announced them. */
@Repository
public class OrderPauseStore {

    private final DatabaseClient db;

    OrderPauseStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> hold(UUID order, LocalDate from, String reason) {
        return db.sql("""
                        insert into order_pause (care_order_id, paused_from, reason) values (:order, :from, :reason)
                        on conflict do nothing""")
                .bind("order", order)
                .bind("from", from)
                .bind("reason", reason)
                .then();
    }

    /** Ends the order's open hold (the latest one without a resumption). */
    public Mono<Void> resume(UUID order, LocalDate on) {
        return db.sql("""
                        update order_pause set resumed_on = greatest(:on, paused_from)
                        where care_order_id = :order and resumed_on is null""").bind("order", order).bind("on", on).then();
    }

    public Mono<Void> end(UUID order, LocalDate on, String reason) {
        return db.sql("""
                        insert into order_end (care_order_id, ended_on, reason) values (:order, :on, :reason)
                        on conflict (care_order_id) do nothing""")
                .bind("order", order)
                .bind("on", on)
                .bind("reason", reason)
                .then();
    }

    public Mono<OrderPause> of(UUID order) {
        Mono<List<OrderPause.Hold>> holds = db.sql(
                        "select paused_from, resumed_on from order_pause where care_order_id = :order")
                .bind("order", order)
                .map(row -> new OrderPause.Hold(
                        row.get("paused_from", LocalDate.class), row.get("resumed_on", LocalDate.class)))
                .all()
                .collectList();
        return holds.flatMap(list -> db.sql("select ended_on, reason from order_end where care_order_id = :order")
                .bind("order", order)
                .map(row -> new OrderPause(list, row.get("ended_on", LocalDate.class), row.get("reason", String.class)))
                .one()
                .defaultIfEmpty(new OrderPause(list, null, null)));
    }
}
