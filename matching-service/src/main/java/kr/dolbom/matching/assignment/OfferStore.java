package kr.dolbom.matching.assignment;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.r2dbc.core.RowsFetchSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The lines waiting for a member's yes (line_offering) and every offer made of them (line_offer). */
@Repository
class OfferStore {

    private static final String COLUMNS = """
            offer_id, line_id, care_order_id, provider_id, service_type, district, dong, urgent, round, offered_at,
            answer_by, status, answered_at, reason, note""";

    private final DatabaseClient db;
    private final JsonMapper json;

    OfferStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * A line of a placed order, waiting to be offered, and queued for its first offer since {@code queuedSince}
     * (null: parked, its order on hold); a line kept already (an order announced twice) stays as it was.
     * {@code traceparent}: the trace its offer goes on, as the consumer's effects would.
     */
    Mono<Void> keep(OrderPlaced line, IncomeTier tier, @Nullable Instant queuedSince, @Nullable String traceparent) {
        return db.sql("""
                        insert into line_offering (line_id, care_order_id, placed, income_tier, urgent, parked,
                                                   queued_since, traceparent)
                        values (:line, :order, :placed, :tier, :urgent, :parked, :queuedSince, :traceparent)
                        on conflict do nothing""")
                .bind("line", line.lines().get(0).lineId())
                .bind("order", line.careOrderId())
                .bind("placed", Json.of(json.writeValueAsBytes(line)))
                .bind("tier", tier.name())
                .bind("urgent", line.urgent())
                .bind("parked", queuedSince == null)
                .bind(
                        "queuedSince",
                        Parameter.fromOrEmpty(queuedSince == null ? null : utc(queuedSince), OffsetDateTime.class))
                .bind("traceparent", Parameter.fromOrEmpty(traceparent, String.class))
                .then();
    }

    /**
     * The next lines queued for their first offer, locked, urgent ones first, then the longest queued; rows another
     * dispatcher or a hold, end or dispatch by hand holds are skipped, not waited for.
     */
    Flux<Queued> lockQueued(int limit) {
        return db.sql("""
                        select line_id, queued_since, traceparent from line_offering where queued_since is not null
                        order by urgent desc, queued_since, line_id limit :limit for update skip locked""")
                .bind("limit", limit)
                .map(row -> new Queued(
                        row.get("line_id", UUID.class),
                        Objects.requireNonNull(instant(row, "queued_since"), "a queued line has its time"),
                        row.get("traceparent", String.class)))
                .all();
    }

    /** The lines leave the queue: their first offer is being made. */
    Mono<Void> dequeue(List<UUID> lineIds) {
        return db.sql("update line_offering set queued_since = null where line_id = any(:lines)")
                .bind("lines", lineIds.toArray(UUID[]::new))
                .then();
    }

    /** A line queued for its first offer since {@code since}, to go on the trace {@code traceparent}. */
    record Queued(UUID lineId, Instant since, @Nullable String traceparent) {}

    /** The queue as it stands, urgent lines and ordinary ones apart: how many wait, and since when the oldest. */
    Flux<QueueDepth> queueDepth() {
        return db.sql("""
                        select urgent, count(*) as lines, min(queued_since) as oldest from line_offering
                        where queued_since is not null group by urgent""")
                .map(row -> new QueueDepth(
                        Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                        row.get("lines", Long.class),
                        Objects.requireNonNull(instant(row, "oldest"), "a queued line has its time")))
                .all();
    }

    record QueueDepth(boolean urgent, long lines, Instant oldest) {}

    /** The waiting line, locked: one decision about a line at a time. */
    Mono<WaitingLine> lockWaiting(UUID lineId) {
        return db.sql("select placed, income_tier, parked, plan_ends_on from line_offering where line_id = :line"
                        + " for update")
                .bind("line", lineId)
                .map(row -> new WaitingLine(
                        json.readValue(row.get("placed", Json.class).asArray(), OrderPlaced.class),
                        IncomeTier.valueOf(row.get("income_tier", String.class)),
                        Boolean.TRUE.equals(row.get("parked", Boolean.class)),
                        row.get("plan_ends_on", LocalDate.class)))
                .one();
    }

    /** The line found its provider: it waits no more. */
    Mono<Void> placed(UUID lineId) {
        return db.sql("delete from line_offering where line_id = :line")
                .bind("line", lineId)
                .then();
    }

    /** Neither a member nor the public centre could take it: it waits for the window's hand. */
    Mono<Void> unplaced(UUID lineId, String why) {
        return db.sql("update line_offering set unplaced = :why where line_id = :line")
                .bind("why", why)
                .bind("line", lineId)
                .then();
    }

    /**
     * The waiting lines of an order, parked (on hold) or not; returns the lines that changed. Either way they leave
     * the queue: a parked line is not offered, and the caller offers a line that is parked no more.
     */
    Flux<UUID> park(UUID careOrderId, boolean parked) {
        return db.sql("""
                        update line_offering set parked = :parked, queued_since = null
                        where care_order_id = :order and parked <> :parked returning line_id""")
                .bind("parked", parked)
                .bind("order", careOrderId)
                .map(row -> row.get("line_id", UUID.class))
                .all();
    }

    /** An ended order's lines wait no more. */
    Mono<Void> dropWaiting(UUID careOrderId) {
        return db.sql("delete from line_offering where care_order_id = :order")
                .bind("order", careOrderId)
                .then();
    }

    Mono<Void> insert(Offer offer, AssignmentExplanation explanation) {
        return db.sql("insert into line_offer (" + COLUMNS + """
                        , explanation) values (:offer, :line, :order, :provider, :type, :district, :dong, :urgent,
                          :round, :offeredAt, :answerBy, 'OPEN', null, null, null, :explanation)""")
                .bind("offer", offer.offerId())
                .bind("line", offer.lineId())
                .bind("order", offer.careOrderId())
                .bind("provider", offer.providerId())
                .bind("type", offer.serviceType().name())
                .bind("district", offer.district())
                .bind("dong", offer.dong())
                .bind("urgent", offer.urgent())
                .bind("round", offer.round())
                .bind("offeredAt", utc(offer.offeredAt()))
                .bind("answerBy", utc(offer.answerBy()))
                .bind("explanation", Json.of(json.writeValueAsBytes(explanation)))
                .then();
    }

    /** The offer with its row locked, so that an answer, the deadline and a withdrawal cannot both take effect. */
    Mono<Offer> lock(UUID offerId) {
        return db.sql("select " + COLUMNS + " from line_offer where offer_id = :offer for update")
                .bind("offer", offerId)
                .map(OfferStore::offer)
                .one();
    }

    Mono<Offer> find(UUID offerId) {
        return db.sql("select " + COLUMNS + " from line_offer where offer_id = :offer")
                .bind("offer", offerId)
                .map(OfferStore::offer)
                .one();
    }

    /** Records the answer; only an open offer changes. */
    Mono<Void> answer(Offer answered) {
        return db.sql("""
                        update line_offer set status = :status, answered_at = :at, reason = :reason, note = :note
                        where offer_id = :offer and status = 'OPEN'""")
                .bind("status", answered.status().name())
                .bind("at", utc(Objects.requireNonNull(answered.answeredAt(), "an answer has its time")))
                .bind("reason", Parameter.fromOrEmpty(answered.reason(), String.class))
                .bind("note", Parameter.fromOrEmpty(answered.note(), String.class))
                .bind("offer", answered.offerId())
                .then();
    }

    /** The ranking the offer followed. */
    Mono<AssignmentExplanation> explanation(UUID offerId) {
        return db.sql("select explanation from line_offer where offer_id = :offer")
                .bind("offer", offerId)
                .map(row -> json.readValue(row.get("explanation", Json.class).asArray(), AssignmentExplanation.class))
                .one();
    }

    /** Every offer made of the line, in order: who was asked already, and how it went. */
    Flux<Offer> ofLine(UUID lineId) {
        return db.sql("select " + COLUMNS + " from line_offer where line_id = :line order by round")
                .bind("line", lineId)
                .map(OfferStore::offer)
                .all();
    }

    /** The order's open offers, locked (a hold or the end withdraws them). */
    Flux<Offer> lockOpenOfOrder(UUID careOrderId) {
        return open("care_order_id", careOrderId, "order by line_id for update").all();
    }

    /** The member's open offers, locked (its suspension withdraws them). */
    Flux<Offer> lockOpenOfProvider(String providerId) {
        return open("provider_id", providerId, "order by line_id for update").all();
    }

    /** The line's open offer, locked (a dispatch by hand withdraws it). */
    Mono<Offer> lockOpenOfLine(UUID lineId) {
        return open("line_id", lineId, "for update").one();
    }

    /** A member's open offers, oldest first. */
    Flux<Offer> openOf(String providerId) {
        return open("provider_id", providerId, "order by offered_at").all();
    }

    /** The open offers whose {@code column} (one of this store's own, never a caller's words) is {@code value}. */
    private RowsFetchSpec<Offer> open(String column, Object value, String then) {
        return db.sql("select " + COLUMNS + " from line_offer where " + column + " = :value and status = 'OPEN' "
                        + then)
                .bind("value", value)
                .map(OfferStore::offer);
    }

    /**
     * Open offers past their deadline, locked, urgent ones first; rows another sweep or an answer holds are skipped,
     * not waited for.
     */
    Flux<Offer> lockDue(Instant now, int limit) {
        return db.sql("select " + COLUMNS + """
                         from line_offer where status = 'OPEN' and answer_by <= :now
                        order by urgent desc, answer_by limit :limit for update skip locked""")
                .bind("now", utc(now))
                .bind("limit", limit)
                .map(OfferStore::offer)
                .all();
    }

    /** A care plan approved while the line waits ends it earlier, as it would an assigned line. */
    Mono<Void> endBy(UUID lineId, LocalDate endsOn) {
        return db.sql("update line_offering set plan_ends_on = least(coalesce(plan_ends_on, :endsOn), :endsOn)"
                        + " where line_id = :line")
                .bind("endsOn", endsOn)
                .bind("line", lineId)
                .then();
    }

    /** A line waiting for a provider, as placed, with what came after: the confirmed tier, a hold, a plan's end. */
    record WaitingLine(
            OrderPlaced placed,
            IncomeTier tier,
            boolean parked,
            @Nullable LocalDate planEndsOn) {

        /** The line as given to {@code providerId} today. */
        LineAssignment assignedTo(String providerId, boolean lastResort, LocalDate today) {
            LineAssignment line = LineAssignment.of(placed, placed.lines().get(0), tier, providerId, lastResort, today);
            return planEndsOn == null ? line : line.endingBy(planEndsOn);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Offer offer(Readable row) {
        Instant offeredAt = instant(row, "offered_at");
        Instant answerBy = instant(row, "answer_by");
        if (offeredAt == null || answerBy == null) {
            throw new IllegalStateException("an offer without its times");
        }
        return new Offer(
                row.get("offer_id", UUID.class),
                row.get("line_id", UUID.class),
                row.get("care_order_id", UUID.class),
                row.get("provider_id", String.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("district", String.class),
                row.get("dong", String.class),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                row.get("round", Integer.class),
                offeredAt,
                answerBy,
                Offer.Status.valueOf(row.get("status", String.class)),
                instant(row, "answered_at"),
                row.get("reason", String.class),
                row.get("note", String.class));
    }
}
