package kr.dolbom.reporting.rebuild;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The schemas of the read models: {@value #LIVE}, which the API and the live consumers reach through their
 * search_path, and {@value #SHADOW}, which a rebuild fills and then swaps in. Every name here is ours, never input.
 */
@Repository
public class RebuildStore {

    static final String LIVE = "kpi";
    static final String SHADOW = "kpi_rebuild";
    static final String RETIRED = "kpi_old";
    /** Locked first in the swap, as every consumer's transaction begins with it: no one waits in a circle. */
    static final String INBOX = "processed_event";

    private final DatabaseClient db;

    RebuildStore(DatabaseClient db) {
        this.db = db;
    }

    /** The tables of the live read models, the inbox first. */
    Mono<List<String>> liveTables() {
        return db.sql(
                        "select tablename from pg_tables where schemaname = :schema order by tablename <> :inbox, tablename")
                .bind("schema", LIVE)
                .bind("inbox", INBOX)
                .map(row -> requireNonNull(row.get(0, String.class)))
                .all()
                .collectList();
    }

    /**
     * An empty shadow with the live tables' shape as the migrations left it: columns, defaults, checks, keys and
     * indexes ({@code like … including all}). A shadow or an old schema left by an interrupted rebuild is dropped
     * first. Unlogged while it fills: a crash loses only a shadow that a new rebuild would drop anyway, and no row is
     * written twice (table and WAL) on the way in; {@link #makeDurable} logs it in one pass before the swap.
     */
    Mono<Void> createShadow(List<String> tables) {
        return db.sql("drop schema if exists " + SHADOW + " cascade")
                .then()
                // an old schema left by a rebuild interrupted right after its swap would stop this one's
                .then(dropRetired())
                .then(db.sql("create schema " + SHADOW).then())
                .thenMany(Flux.fromIterable(tables)
                        .concatMap(table -> db.sql("create unlogged table " + SHADOW + "." + table + " (like " + LIVE
                                        + "." + table + " including all)")
                                .then()))
                .then();
    }

    /** The filled shadow written to the WAL whole, table by table, so that it survives a crash once it is live. */
    Mono<Void> makeDurable(List<String> tables) {
        return Flux.fromIterable(tables)
                .concatMap(table -> db.sql("alter table " + SHADOW + "." + table + " set logged")
                        .then())
                .then();
    }

    /** Within a transaction: its plain table names mean the shadow's until it ends. */
    Mono<Void> writeToShadow() {
        return db.sql("set local search_path to " + SHADOW + ", public").then();
    }

    /** The events among these not applied before, recorded as applied: a copy within the list counts once. */
    Mono<Set<UUID>> firstDeliveries(List<String> consumers, List<UUID> eventIds) {
        return db.sql("""
                        insert into processed_event (consumer, event_id)
                        select * from unnest(:consumers::text[], :eventIds::uuid[])
                        on conflict do nothing
                        returning event_id""")
                .bind("consumers", consumers.toArray(String[]::new))
                .bind("eventIds", eventIds.toArray(UUID[]::new))
                .map(row -> requireNonNull(row.get(0, UUID.class)))
                .all()
                .collect(Collectors.toCollection(HashSet::new));
    }

    /**
     * Within a transaction: the shadow becomes the live schema. Every live table is locked first, so that no
     * consumer's transaction is half in the old schema and half in the new one: each commits before, or starts
     * after, and then finds the new tables by their names (PostgreSQL looks a locked name up again, and plans
     * cached before are planned again).
     */
    Mono<Void> swap(List<String> tables) {
        String locked = tables.stream().map(table -> LIVE + "." + table).collect(Collectors.joining(", "));
        return db.sql("lock table " + locked + " in access exclusive mode")
                .then()
                .then(db.sql("alter schema " + LIVE + " rename to " + RETIRED).then())
                .then(db.sql("alter schema " + SHADOW + " rename to " + LIVE).then());
    }

    Mono<Void> dropRetired() {
        return db.sql("drop schema if exists " + RETIRED + " cascade").then();
    }

    Mono<Void> dropShadow() {
        return db.sql("drop schema if exists " + SHADOW + " cascade").then();
    }
}
