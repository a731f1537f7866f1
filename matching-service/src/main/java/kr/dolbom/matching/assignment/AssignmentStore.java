package kr.dolbom.matching.assignment;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.provider.MatchingHistory;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class AssignmentStore {

    private static final String COLUMNS = """
            line_id, care_order_id, provider_id, last_resort, service_type, resident_ref, district, dong, income_tier,
            quantity, minutes_per_visit, starts_on, ends_on, assigned_on, delivered""";

    private final DatabaseClient db;
    private final JsonMapper json;

    AssignmentStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Flux<UUID> assignedLines(UUID careOrderId) {
        return db.sql("select line_id from line_assignment where care_order_id = :id")
                .bind("id", careOrderId)
                .map(row -> row.get(0, UUID.class))
                .all();
    }

    /** Records the line in its provider's hands, with why it went there. */
    public Mono<Void> insert(LineAssignment line, AssignmentExplanation explanation) {
        return db.sql("insert into line_assignment (" + COLUMNS + """
                        , explanation) values (:lineId, :orderId, :provider, :lastResort, :type, :resident, :district,
                                  :dong, :tier, :quantity, :minutes, :startsOn, :endsOn, :assignedOn, 0, :explanation)""")
                .bind("lineId", line.lineId())
                .bind("orderId", line.careOrderId())
                .bind("provider", line.providerId())
                .bind("lastResort", line.lastResort())
                .bind("type", line.serviceType().name())
                .bind("resident", line.residentRef())
                .bind("district", line.district())
                .bind("dong", line.dong())
                .bind("tier", line.incomeTier().name())
                .bind("quantity", line.quantity())
                .bind("minutes", Parameter.fromOrEmpty(line.minutesPerVisit(), Integer.class))
                .bind("startsOn", line.startsOn())
                .bind("endsOn", line.endsOn())
                .bind("assignedOn", line.assignedOn())
                .bind("explanation", Json.of(json.writeValueAsBytes(explanation)))
                .then();
    }

    /** 수동 배정: who in the window gave the line by hand, and why. */
    public Mono<Void> dispatchedByHand(UUID lineId, String by, String reason) {
        return db.sql("update line_assignment set dispatched_by = :by, dispatch_reason = :reason where line_id = :id")
                .bind("by", by)
                .bind("reason", reason)
                .bind("id", lineId)
                .then();
    }

    /** Why the line went where it went; empty for an unknown line and for one matched before explanations were kept. */
    public Mono<AssignmentExplanation> explanation(UUID lineId) {
        return db.sql("select explanation from line_assignment where line_id = :id and explanation is not null")
                .bind("id", lineId)
                .map(row -> json.readValue(row.get("explanation", Json.class).asArray(), AssignmentExplanation.class))
                .one();
    }

    /**
     * 서비스 연속성: the resident's latest line of the service, whichever order it belonged to (and whoever had it);
     * empty for a resident never served in it. Lines of one day are told apart by the time they were assigned.
     */
    public Mono<MatchingHistory.PreviousLine> latestLineOf(UUID residentRef, ServiceType type) {
        return db.sql("""
                        select line_id, provider_id, assigned_on from line_assignment
                        where resident_ref = :resident and service_type = :type
                        order by assigned_on desc, assigned_at desc nulls last, line_id desc
                        limit 1""")
                .bind("resident", residentRef)
                .bind("type", type.name())
                .map(row -> new MatchingHistory.PreviousLine(
                        row.get("line_id", UUID.class),
                        row.get("provider_id", String.class),
                        row.get("assigned_on", LocalDate.class)))
                .one();
    }

    /** 공정 배분: lines of the service assigned in the district in the month, by provider; one grouped query. */
    public Mono<Map<String, Integer>> linesAssignedIn(String district, ServiceType type, YearMonth month) {
        return db.sql("""
                        select provider_id, count(*)::int as lines from line_assignment
                        where district = :district and service_type = :type
                          and assigned_on between :first and :last
                        group by provider_id""")
                .bind("district", district)
                .bind("type", type.name())
                .bind("first", month.atDay(1))
                .bind("last", month.atEndOfMonth())
                .map(row -> Map.entry(row.get("provider_id", String.class), row.get("lines", Integer.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The order's lines carry the tier from now on, so each later delivery is paid by it. A delivery already
     * announced keeps the tier it went out with.
     */
    public Mono<Void> changeIncomeTier(UUID careOrderId, IncomeTier tier, LocalDate effectiveOn) {
        Mono<Void> confirmed = db.sql("""
                        insert into order_income_tier (care_order_id, income_tier, effective_on)
                        values (:id, :tier, :effectiveOn)
                        on conflict (care_order_id) do update
                           set income_tier = excluded.income_tier, effective_on = excluded.effective_on""")
                .bind("id", careOrderId)
                .bind("tier", tier.name())
                .bind("effectiveOn", effectiveOn)
                .then();
        Mono<Void> lines = db.sql("update line_assignment set income_tier = :tier where care_order_id = :id")
                .bind("tier", tier.name())
                .bind("id", careOrderId)
                .then();
        return confirmed.then(lines);
    }

    /** The tier intake confirmed for the order after placing it; empty when it never changed. */
    Mono<IncomeTier> confirmedIncomeTier(UUID careOrderId) {
        return db.sql("select income_tier from order_income_tier where care_order_id = :id")
                .bind("id", careOrderId)
                .map(row -> IncomeTier.valueOf(row.get("income_tier", String.class)))
                .one();
    }

    public Mono<LineAssignment> find(UUID lineId) {
        return db.sql("select " + COLUMNS + " from line_assignment where line_id = :id")
                .bind("id", lineId)
                .map(AssignmentStore::assignment)
                .one();
    }

    /** Loads the line with its row locked: deliveries of one line are checked and counted one at a time. */
    public Mono<LineAssignment> lock(UUID lineId) {
        return db.sql("select " + COLUMNS + " from line_assignment where line_id = :id for update")
                .bind("id", lineId)
                .map(AssignmentStore::assignment)
                .one();
    }

    /** The order's lines that held a provider's capacity give it back (a hold, the order's end); returns them. */
    public Flux<LineAssignment> releaseCapacity(UUID careOrderId) {
        return db.sql("update line_assignment set holds_capacity = false"
                        + " where care_order_id = :id and holds_capacity returning " + COLUMNS)
                .bind("id", careOrderId)
                .map(AssignmentStore::assignment)
                .all();
    }

    /**
     * Lines whose period ended before {@code day} give their capacity back, visits left or not: a plan that is over
     * holds no provider's slot. At most {@code limit} a call; rows another sweep holds are skipped, not waited for.
     */
    public Flux<LineAssignment> releaseEndedBefore(LocalDate day, int limit) {
        return db.sql("update line_assignment set holds_capacity = false where line_id in ("
                        + " select line_id from line_assignment where holds_capacity and ends_on < :day"
                        + " order by ends_on limit :limit for update skip locked) returning " + COLUMNS)
                .bind("day", day)
                .bind("limit", limit)
                .map(AssignmentStore::assignment)
                .all();
    }

    /** The line ends on {@code endsOn} if that is earlier than its end; empty when matching has no such line. */
    public Mono<LineAssignment> endBy(UUID lineId, LocalDate endsOn) {
        return db.sql("update line_assignment set ends_on = least(ends_on, :endsOn) where line_id = :id returning "
                        + COLUMNS)
                .bind("endsOn", endsOn)
                .bind("id", lineId)
                .map(AssignmentStore::assignment)
                .one();
    }

    /** A finished line gives its capacity back, once; true if it held it. */
    public Mono<Boolean> releaseCapacityOfLine(UUID lineId) {
        return db.sql("update line_assignment set holds_capacity = false where line_id = :id and holds_capacity")
                .bind("id", lineId)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * A line that gave its capacity back when it was finished takes it again once a delivery of it is struck out
     * (rejected, voided) and visits are owed again, unless its period is over by {@code on}; true if it did. The
     * caller makes sure its order is not on hold or ended.
     */
    public Mono<Boolean> retakeCapacityOfLine(UUID lineId, LocalDate on) {
        return db.sql("update line_assignment set holds_capacity = true"
                        + " where line_id = :id and not holds_capacity and delivered < quantity and ends_on >= :on")
                .bind("id", lineId)
                .bind("on", on)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * A resumed order's lines that still run from {@code on} (unfinished, period not over) take their capacity
     * again; returns them. A line that ended during the hold stays released.
     */
    public Flux<LineAssignment> retakeCapacity(UUID careOrderId, LocalDate on) {
        return db.sql("update line_assignment set holds_capacity = true"
                        + " where care_order_id = :id and not holds_capacity and delivered < quantity"
                        + " and ends_on >= :on returning " + COLUMNS)
                .bind("id", careOrderId)
                .bind("on", on)
                .map(AssignmentStore::assignment)
                .all();
    }

    /** Whether the line holds a unit of its provider's capacity (not on hold, not finished, not over). */
    Mono<Boolean> holdsCapacity(UUID lineId) {
        return db.sql("select holds_capacity from line_assignment where line_id = :id")
                .bind("id", lineId)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class)))
                .one();
    }

    /** The provider's lines with visits or units left and a period not over on {@code day}, locked. */
    Flux<LineAssignment> lockRunningOf(String providerId, LocalDate day) {
        return db.sql("select " + COLUMNS + " from line_assignment where provider_id = :provider"
                        + " and delivered < quantity and ends_on >= :day order by line_id for update")
                .bind("provider", providerId)
                .bind("day", day)
                .map(AssignmentStore::assignment)
                .all();
    }

    /**
     * 재배정: the line goes to {@code move.to()} with the visits or units it has left, and the move is kept. The
     * count of deliveries stays with the line: what the first provider delivered is still delivered.
     */
    Mono<Void> move(LineAssignment line, Move move, @Nullable AssignmentExplanation explanation) {
        Mono<Void> moved = db.sql("""
                        update line_assignment set provider_id = :to, last_resort = :lastResort,
                               explanation = coalesce(:explanation, explanation), dispatched_by = null,
                               dispatch_reason = null
                        where line_id = :id and provider_id = :from""")
                .bind("to", move.to())
                .bind("lastResort", move.lastResort())
                .bind(
                        "explanation",
                        Parameter.fromOrEmpty(
                                explanation == null ? null : Json.of(json.writeValueAsBytes(explanation)), Json.class))
                .bind("id", line.lineId())
                .bind("from", line.providerId())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                "line " + line.lineId() + " left " + line.providerId() + " while locked")));
        Mono<Void> kept = db.sql("""
                        insert into line_reassignment (line_id, from_provider_id, to_provider_id, cause, moved_by,
                                                       reason, hand_back_reason, delivered_before)
                        values (:id, :from, :to, :cause, :by, :reason, :handBack, :delivered)""")
                .bind("id", line.lineId())
                .bind("from", line.providerId())
                .bind("to", move.to())
                .bind("cause", move.cause().name())
                .bind("by", move.by())
                .bind("reason", move.reason())
                .bind("handBack", Parameter.fromOrEmpty(move.handBackReason(), String.class))
                .bind("delivered", line.delivered())
                .then();
        return moved.then(kept);
    }

    /** One move of a line: to whom, why, and on whose word. */
    record Move(
            String to,
            boolean lastResort,
            ReassignCause cause,
            String by,
            String reason,
            @Nullable String handBackReason) {}

    public Mono<Void> addDelivered(UUID lineId, int count) {
        return db.sql("update line_assignment set delivered = delivered + :count where line_id = :id")
                .bind("count", count)
                .bind("id", lineId)
                .then();
    }

    public Flux<LineAssignment> ofProvider(String providerId) {
        return db.sql("select " + COLUMNS
                        + " from line_assignment where provider_id = :provider order by assigned_on desc, line_id")
                .bind("provider", providerId)
                .map(AssignmentStore::assignment)
                .all();
    }

    private static LineAssignment assignment(Readable row) {
        return new LineAssignment(
                row.get("line_id", UUID.class),
                row.get("care_order_id", UUID.class),
                row.get("provider_id", String.class),
                Boolean.TRUE.equals(row.get("last_resort", Boolean.class)),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("resident_ref", UUID.class),
                row.get("district", String.class),
                row.get("dong", String.class),
                IncomeTier.valueOf(row.get("income_tier", String.class)),
                row.get("quantity", Integer.class),
                row.get("minutes_per_visit", Integer.class),
                row.get("starts_on", LocalDate.class),
                row.get("ends_on", LocalDate.class),
                row.get("assigned_on", LocalDate.class),
                row.get("delivered", Integer.class));
    }
}
