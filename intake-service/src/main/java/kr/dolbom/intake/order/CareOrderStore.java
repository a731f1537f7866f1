package kr.dolbom.intake.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.eligibility.Eligibility;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class CareOrderStore {

    private static final String[] OPEN_STATUSES = Stream.of(OrderStatus.values())
            .filter(OrderStatus::open)
            .map(Enum::name)
            .toArray(String[]::new);

    private final DatabaseClient db;

    CareOrderStore(DatabaseClient db) {
        this.db = db;
    }

    /** @param submittedBy the caller that sent the request (the token's subject), whose referral it is */
    public Mono<Void> insert(CareOrder order, @Nullable String referrer, String submittedBy, Instant at) {
        CareOrder.Placement placement = order.placement();
        Mono<Long> header = db.sql("""
                        insert into care_order (id, resident_id, district, dong, income_tier, urgent, channel, referrer,
                                                requested_on, status, target_group, rejection_reason, submitted_by,
                                                priority_rank, priority_groups, eligibility_rule)
                        values (:id, :residentId, :district, :dong, :incomeTier, :urgent, :channel, :referrer,
                                :requestedOn, :status, :targetGroup, :rejectionReason, :submittedBy, :priority, :groups,
                                :rule)""")
                .bind("groups", groupNames(order))
                .bind("rule", order.eligibility().rule())
                .bind("priority", order.priority().rank())
                .bind("submittedBy", submittedBy)
                .bind("id", order.id())
                .bind("residentId", order.residentRef())
                .bind("district", placement.district())
                .bind("dong", placement.dong())
                .bind("incomeTier", placement.incomeTier().name())
                .bind("urgent", placement.urgent())
                .bind("channel", placement.channel().name())
                .bind("referrer", Parameter.fromOrEmpty(referrer, String.class))
                .bind("requestedOn", placement.requestedOn())
                .bind("status", order.status().name())
                .bind(
                        "targetGroup",
                        Parameter.fromOrEmpty(
                                order.targetGroup().map(Enum::name).orElse(null), String.class))
                .bind(
                        "rejectionReason",
                        Parameter.fromOrEmpty(order.rejection().map(Enum::name).orElse(null), String.class))
                .fetch()
                .rowsUpdated();
        List<ServiceLine> lines = order.lines();
        Flux<Long> lineRows = Flux.range(0, lines.size()).concatMap(position -> {
            ServiceLine line = lines.get(position);
            return db.sql("""
                            insert into care_order_line (id, care_order_id, position, service_type, quantity,
                                                         minutes_per_visit, starts_on, ends_on)
                            values (:id, :orderId, :position, :serviceType, :quantity, :minutes, :startsOn, :endsOn)""")
                    .bind("id", line.id())
                    .bind("orderId", order.id())
                    .bind("position", position)
                    .bind("serviceType", line.serviceType().name())
                    .bind("quantity", line.quantity())
                    .bind("minutes", Parameter.fromOrEmpty(line.minutesPerVisit(), Integer.class))
                    .bind("startsOn", line.startsOn())
                    .bind("endsOn", line.endsOn())
                    .fetch()
                    .rowsUpdated();
        });
        String detail = order.rejection()
                .map(reason -> "rejected: " + reason)
                .orElseGet(() -> "placed with " + lines.size() + " service line(s)");
        return header.thenMany(lineRows).then(appendHistory(order.id(), at, order.status(), detail));
    }

    /** Loads the order with its row locked, so that concurrent changes to one order queue up behind each other. */
    public Mono<CareOrder> lock(UUID id) {
        return load(id, " for update of o");
    }

    public Mono<CareOrder> find(UUID id) {
        return load(id, "");
    }

    /**
     * One statement, so one snapshot: reading the header and the lines apart could show an order ASSIGNED whose
     * line has no provider yet, when an assignment commits between the two reads.
     */
    private Mono<CareOrder> load(UUID id, String lockClause) {
        return db.sql("""
                        select o.id, o.resident_id, o.district, o.dong, o.income_tier, o.urgent, o.channel,
                               o.requested_on, o.status, o.target_group, o.rejection_reason, o.version,
                               o.eligibility_rule, o.priority_groups,
                               o.hold_resumes_to, o.hold_reason, o.hold_from, o.hold_resume_on,
                               l.id as line_id, l.service_type, l.quantity, l.minutes_per_visit, l.starts_on,
                               l.ends_on, l.provider_id, l.last_resort, l.assigned_on
                        from care_order o join care_order_line l on l.care_order_id = o.id
                        where o.id = :id order by l.position""" + lockClause)
                .bind("id", id)
                .map(row -> new OrderRow(orderWithLines(row), line(row)))
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> rows.get(0)
                        .order()
                        .apply(rows.stream().map(OrderRow::line).toList()));
    }

    /**
     * Completes when {@code rule} lets {@code caller} reach order {@code id}; an order beyond its reach is answered
     * as one that does not exist (404), so that a forged id tells nothing.
     */
    public Mono<Void> reveal(Caller caller, AccessRule rule, UUID id) {
        return Mono.defer(() -> holderOf(id))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("care order", id)))
                .doOnNext(holder -> rule.reveal(caller, holder, "care order", id))
                .then();
    }

    /** Whose the order is: its district and dong, the providers of its lines, who sent it. */
    public Mono<Holder> holderOf(UUID id) {
        return db.sql("""
                        select o.district, o.dong, o.submitted_by,
                               array(select distinct l.provider_id from care_order_line l
                                     where l.care_order_id = o.id and l.provider_id is not null) as providers
                        from care_order o where o.id = :id""")
                .bind("id", id)
                .map(row -> Holder.district(row.get("district", String.class))
                        .dong(row.get("dong", String.class))
                        .heldBy(Set.of(row.get("providers", String[].class)))
                        .submittedBy(row.get("submitted_by", String.class)))
                .one();
    }

    /**
     * Where a resident is served: the district of the latest order, and the providers holding one of the
     * resident's lines that is open on {@code day} (assigned, of an order under way, not yet past its end).
     */
    public Mono<ResidentReach> reachOf(UUID residentRef, LocalDate day) {
        return db.sql("""
                        select latest.district,
                               array(select distinct l.provider_id
                                     from care_order o join care_order_line l on l.care_order_id = o.id
                                     where o.resident_id = :resident and o.status in ('PLACED', 'ASSIGNED', 'IN_PROGRESS')
                                       and l.provider_id is not null and l.ends_on >= :day) as providers
                        from (select district from care_order where resident_id = :resident
                              order by created_at desc, id limit 1) latest""")
                .bind("resident", residentRef)
                .bind("day", day)
                .map(row -> new ResidentReach(
                        row.get("district", String.class), Set.of(row.get("providers", String[].class))))
                .one();
    }

    /** @param openLineProviders the providers that visit the resident now */
    public record ResidentReach(String district, Set<String> openLineProviders) {}

    private record OrderRow(Function<List<ServiceLine>, CareOrder> order, ServiceLine line) {}

    public Mono<Void> saveAssignment(CareOrder order, ServiceLine line, Instant at) {
        ServiceLine.Assignment assignment =
                Objects.requireNonNull(line.assignment(), "only an assigned line has an assignment to save");
        return saveAssignment(
                order,
                line,
                at,
                line.serviceType() + " line assigned to " + assignment.providerId()
                        + (assignment.lastResort() ? " (provider of last resort)" : ""));
    }

    /** The line's provider as it is now, with the history's words for how it got there. */
    public Mono<Void> saveAssignment(CareOrder order, ServiceLine line, Instant at, String detail) {
        ServiceLine.Assignment assignment =
                Objects.requireNonNull(line.assignment(), "only an assigned line has an assignment to save");
        Mono<Long> lineUpdate = db.sql("""
                        update care_order_line set provider_id = :providerId, last_resort = :lastResort,
                                                   assigned_on = :assignedOn
                        where id = :id""")
                .bind("providerId", assignment.providerId())
                .bind("lastResort", assignment.lastResort())
                .bind("assignedOn", assignment.assignedOn())
                .bind("id", line.id())
                .fetch()
                .rowsUpdated();
        // an order on hold whose last line was just assigned resumes as assigned: its hold remembers that
        String resumesTo = order.hold().map(hold -> hold.resumesTo().name()).orElse(null);
        Mono<Long> statusUpdate = db.sql(
                        "update care_order set status = :status, hold_resumes_to = :resumesTo where id = :id")
                .bind("status", order.status().name())
                .bind("resumesTo", Parameter.fromOrEmpty(resumesTo, String.class))
                .bind("id", order.id())
                .fetch()
                .rowsUpdated();
        return lineUpdate.then(statusUpdate).then(appendHistory(order.id(), at, order.status(), detail));
    }

    /** The resident's orders still under way (placed or assigned), oldest first. */
    public Flux<UUID> openOrdersOf(UUID residentRef) {
        return db.sql("""
                        select id from care_order
                        where resident_id = :resident and status = any(cast(:open as text[]))
                        order by created_at, id""")
                .bind("resident", residentRef)
                .bind("open", OPEN_STATUSES)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /** A line of an open order: the order's id and the line's service. */
    public record OpenLine(UUID careOrderId, ServiceType serviceType) {}

    /**
     * The lines of the resident's open orders (placed, assigned or on hold: {@link OrderStatus#open()}) that are of
     * one of {@code services} and run on or after {@code today}, oldest order first. A rejected, cancelled or
     * completed order has none, nor has a line that ended (its period is over, or the care plan ended it).
     */
    public Flux<OpenLine> openLinesOf(UUID residentRef, Collection<ServiceType> services, LocalDate today) {
        return db.sql("""
                        select o.id, l.service_type
                        from care_order o join care_order_line l on l.care_order_id = o.id
                        where o.resident_id = :resident and o.status = any(cast(:open as text[]))
                          and l.service_type = any(cast(:services as text[])) and l.ends_on >= :today
                        order by o.created_at, o.id, l.position""")
                .bind("today", today)
                .bind("resident", residentRef)
                .bind("open", OPEN_STATUSES)
                .bind("services", services.stream().map(Enum::name).distinct().toArray(String[]::new))
                .map(row -> new OpenLine(
                        row.get("id", UUID.class), ServiceType.valueOf(row.get("service_type", String.class))))
                .all();
    }

    /**
     * Saves a change of the order's status made by {@code actor} for {@code why}, if the order is still at the
     * version it was loaded with (the row is locked, so it is; the check keeps the store honest).
     */
    public Mono<Void> saveLifecycle(CareOrder order, CareEvent change, @Nullable String actor, String why, Instant at) {
        CareOrder.Hold hold = order.hold().orElse(null);
        CancelReason cancelled = change instanceof OrderCancelled cancel ? cancel.reason() : null;
        LocalDate closedOn = change instanceof OrderCancelled cancel
                ? cancel.on()
                : change instanceof OrderCompleted completed ? completed.on() : null;
        Mono<Long> update = db.sql("""
                        update care_order set status = :status, version = :version,
                               hold_resumes_to = :resumesTo, hold_reason = :holdReason, hold_from = :holdFrom,
                               hold_resume_on = :resumeOn,
                               cancel_reason = coalesce(:cancelReason, cancel_reason),
                               closed_on = coalesce(:closedOn, closed_on)
                        where id = :id and version = :version - 1""")
                .bind("status", order.status().name())
                .bind("version", order.version())
                .bind(
                        "resumesTo",
                        Parameter.fromOrEmpty(
                                hold == null ? null : hold.resumesTo().name(), String.class))
                .bind(
                        "holdReason",
                        Parameter.fromOrEmpty(
                                hold == null ? null : hold.reason().name(), String.class))
                .bind("holdFrom", Parameter.fromOrEmpty(hold == null ? null : hold.from(), LocalDate.class))
                .bind("resumeOn", Parameter.fromOrEmpty(hold == null ? null : hold.resumeOn(), LocalDate.class))
                .bind("cancelReason", Parameter.fromOrEmpty(cancelled == null ? null : cancelled.name(), String.class))
                .bind("closedOn", Parameter.fromOrEmpty(closedOn, LocalDate.class))
                .bind("id", order.id())
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "order " + order.id() + " is not at version " + (order.version() - 1) + "; lock it first")));
        return update.then(appendHistory(order.id(), at, order.status(), why, actor));
    }

    /** Saves where the order's lines end now (a plan was approved) with the order's next version and history. */
    public Mono<Void> saveLineEnds(CareOrder order, CareEvent change, String actor, String why, Instant at) {
        return Flux.fromIterable(order.lines())
                .concatMap(line -> db.sql(
                                "update care_order_line set ends_on = :endsOn where id = :id and ends_on <> :endsOn")
                        .bind("endsOn", line.endsOn())
                        .bind("id", line.id())
                        .fetch()
                        .rowsUpdated())
                .then(saveLifecycle(order, change, actor, why, at));
    }

    /** Saves the order's priority after an assessment, with its next version and history. */
    public Mono<Void> saveAssessment(CareOrder order, String actor, String why, Instant at) {
        return db.sql("""
                        update care_order set priority_rank = :priority, priority_groups = :groups, version = :version
                        where id = :id and version = :version - 1""")
                .bind("priority", order.priority().rank())
                .bind("groups", groupNames(order))
                .bind("version", order.version())
                .bind("id", order.id())
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "order " + order.id() + " is not at version " + (order.version() - 1) + "; lock it first")))
                .then(appendHistory(order.id(), at, order.status(), why, actor));
    }

    /** One order of the window's work list. */
    public record Listed(
            UUID careOrderId,
            String dong,
            OrderStatus status,
            Priority priority,
            boolean urgent,
            LocalDate requestedOn,
            List<ServiceType> services,
            int linesAssigned,
            int lines) {}

    /** Where a page of the work list ends: the sort key of its last order. */
    public record Position(int rank, LocalDate requestedOn, UUID id) {}

    /**
     * A page of a district's orders in work-list order (priority, day of request, id), after {@code after}.
     * Filters that are null do not filter; {@code dongs} empty means every dong; {@code requestedBy} keeps the
     * orders requested on or before it that no delivery has started yet.
     */
    public Flux<Listed> workList(
            String district,
            List<String> dongs,
            List<OrderStatus> statuses,
            @Nullable ServiceType service,
            @Nullable Boolean urgent,
            @Nullable LocalDate requestedBy,
            @Nullable Position after,
            int limit) {
        return db.sql("""
                        select o.id, o.dong, o.status, o.priority_rank, o.urgent, o.requested_on,
                               array(select l.service_type from care_order_line l
                                     where l.care_order_id = o.id order by l.position) as services,
                               (select count(*) from care_order_line l
                                where l.care_order_id = o.id and l.provider_id is not null)::int as assigned,
                               (select count(*) from care_order_line l where l.care_order_id = o.id)::int as lines
                        from care_order o
                        where o.district = :district
                          and (cardinality(cast(:dongs as text[])) = 0 or o.dong = any(cast(:dongs as text[])))
                          and o.status = any(cast(:statuses as text[]))
                          and (cast(:urgent as boolean) is null or o.urgent = :urgent)
                          and (cast(:requestedBy as date) is null
                               or (o.requested_on <= :requestedBy
                                   and (o.status in ('PLACED', 'ASSIGNED')
                                        or (o.status = 'ON_HOLD' and o.hold_resumes_to <> 'IN_PROGRESS'))))
                          and (cast(:service as text) is null or exists (
                                select 1 from care_order_line l
                                where l.care_order_id = o.id and l.service_type = :service))
                          and (cast(:afterRank as int) is null
                               or (o.priority_rank, o.requested_on, o.id) > (:afterRank, :afterDay, :afterId))
                        order by o.priority_rank, o.requested_on, o.id
                        limit :limit""")
                .bind("district", district)
                .bind("dongs", dongs.toArray(String[]::new))
                .bind("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .bind("urgent", Parameter.fromOrEmpty(urgent, Boolean.class))
                .bind("requestedBy", Parameter.fromOrEmpty(requestedBy, LocalDate.class))
                .bind("service", Parameter.fromOrEmpty(service == null ? null : service.name(), String.class))
                .bind("afterRank", Parameter.fromOrEmpty(after == null ? null : after.rank(), Integer.class))
                .bind("afterDay", Parameter.fromOrEmpty(after == null ? null : after.requestedOn(), LocalDate.class))
                .bind("afterId", Parameter.fromOrEmpty(after == null ? null : after.id(), UUID.class))
                .bind("limit", limit)
                .map(row -> new Listed(
                        row.get("id", UUID.class),
                        row.get("dong", String.class),
                        OrderStatus.valueOf(row.get("status", String.class)),
                        Priority.values()[row.get("priority_rank", Integer.class)],
                        Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                        row.get("requested_on", LocalDate.class),
                        Stream.of(row.get("services", String[].class))
                                .map(ServiceType::valueOf)
                                .toList(),
                        row.get("assigned", Integer.class),
                        row.get("lines", Integer.class)))
                .all();
    }

    /** Orders still open whose every line ended before {@code day}: the completion sweep's work. */
    public Flux<UUID> overBefore(LocalDate day, int limit) {
        return db.sql("""
                        select o.id from care_order o
                        where o.status = any(cast(:open as text[]))
                          and not exists (select 1 from care_order_line l
                                          where l.care_order_id = o.id and l.ends_on >= :day)
                        order by o.requested_on, o.id limit :limit""")
                .bind("day", day)
                .bind("open", OPEN_STATUSES)
                .bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    public Mono<Void> saveIncomeTier(CareOrder order, LocalDate effectiveOn, Instant at) {
        IncomeTier tier = order.placement().incomeTier();
        return db.sql("update care_order set income_tier = :tier, priority_rank = :priority, priority_groups = :groups"
                        + " where id = :id")
                .bind("groups", groupNames(order))
                .bind("tier", tier.name())
                .bind("priority", order.priority().rank())
                .bind("id", order.id())
                .then()
                .then(appendHistory(order.id(), at, order.status(), "income tier " + tier + " from " + effectiveOn));
    }

    public Flux<HistoryEntry> history(UUID orderId) {
        return db.sql("select at, status, detail, actor from care_order_history where care_order_id = :id order by id")
                .bind("id", orderId)
                .map(row -> new HistoryEntry(
                        row.get("at", Instant.class),
                        OrderStatus.valueOf(row.get("status", String.class)),
                        row.get("detail", String.class),
                        row.get("actor", String.class)))
                .all();
    }

    private Mono<Void> appendHistory(UUID orderId, Instant at, OrderStatus status, String detail) {
        return appendHistory(orderId, at, status, detail, null);
    }

    private Mono<Void> appendHistory(
            UUID orderId, Instant at, OrderStatus status, String detail, @Nullable String actor) {
        return db.sql("""
                        insert into care_order_history (care_order_id, at, status, detail, actor)
                        values (:id, :at, :status, :detail, :actor)""")
                .bind("id", orderId)
                .bind("at", at)
                .bind("status", status.name())
                .bind("detail", detail)
                .bind("actor", Parameter.fromOrEmpty(actor, String.class))
                .then();
    }

    /** @param actor who made the change; absent for what the service did itself */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(
            Instant at,
            OrderStatus status,
            String detail,
            @Nullable String actor) {}

    private static String[] groupNames(CareOrder order) {
        return order.priorityGroups().stream().map(Enum::name).toArray(String[]::new);
    }

    private static Function<List<ServiceLine>, CareOrder> orderWithLines(Readable row) {
        UUID id = row.get("id", UUID.class);
        UUID residentRef = row.get("resident_id", UUID.class);
        CareOrder.Placement placement = new CareOrder.Placement(
                row.get("district", String.class),
                row.get("dong", String.class),
                IncomeTier.valueOf(row.get("income_tier", String.class)),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                RequestChannel.valueOf(row.get("channel", String.class)),
                row.get("requested_on", LocalDate.class));
        OrderStatus status = OrderStatus.valueOf(row.get("status", String.class));
        String group = row.get("target_group", String.class);
        String rule = row.get("eligibility_rule", String.class);
        Eligibility eligibility = group != null
                ? rule == null
                        ? new Eligibility.Eligible(TargetGroup.valueOf(group))
                        : new Eligibility.Eligible(TargetGroup.valueOf(group), rule)
                : rule == null
                        ? new Eligibility.Rejected(RejectionReason.valueOf(row.get("rejection_reason", String.class)))
                        : new Eligibility.Rejected(
                                RejectionReason.valueOf(row.get("rejection_reason", String.class)), rule);
        String holdReason = row.get("hold_reason", String.class);
        CareOrder.Hold hold = holdReason == null
                ? null
                : new CareOrder.Hold(
                        OrderStatus.valueOf(row.get("hold_resumes_to", String.class)),
                        HoldReason.valueOf(holdReason),
                        row.get("hold_from", LocalDate.class),
                        row.get("hold_resume_on", LocalDate.class));
        int version = row.get("version", Integer.class);
        Set<PriorityGroup> groups = Stream.of(row.get("priority_groups", String[].class))
                .map(PriorityGroup::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PriorityGroup.class)));
        return lines -> new CareOrder(id, residentRef, placement, status, eligibility, lines, hold, version, groups);
    }

    private static ServiceLine line(Readable row) {
        String provider = row.get("provider_id", String.class);
        return new ServiceLine(
                row.get("line_id", UUID.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("quantity", Integer.class),
                row.get("minutes_per_visit", Integer.class),
                row.get("starts_on", LocalDate.class),
                row.get("ends_on", LocalDate.class),
                provider == null
                        ? null
                        : new ServiceLine.Assignment(
                                provider,
                                Boolean.TRUE.equals(row.get("last_resort", Boolean.class)),
                                row.get("assigned_on", LocalDate.class)));
    }
}
