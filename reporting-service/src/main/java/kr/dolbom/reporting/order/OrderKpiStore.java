package kr.dolbom.reporting.order;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
public class OrderKpiStore {

    private final DatabaseClient db;

    OrderKpiStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> addOrder(OrderPlaced placed) {
        return addOrder(OrderFigures.of(placed))
                .then(Flux.fromIterable(placed.lines())
                        .concatMap(line -> requestLine(placed, line))
                        .then())
                .then(db.sql("""
                                insert into order_start (care_order_id, district, requested_on)
                                values (:id, :district, :requestedOn) on conflict do nothing""")
                        .bind("id", placed.careOrderId())
                        .bind("district", placed.district())
                        .bind("requestedOn", placed.requestedOn())
                        .then());
    }

    /** The line as its order requested it; its assignment may be here already. */
    private Mono<Void> requestLine(OrderPlaced placed, OrderPlaced.Line line) {
        return db.sql("""
                        insert into service_line
                               (line_id, care_order_id, district, dong, service_type, urgent, requested_on)
                        values (:lineId, :orderId, :district, :dong, :serviceType, :urgent, :requestedOn)
                        on conflict (line_id) do update
                           set urgent = excluded.urgent, requested_on = excluded.requested_on, dong = excluded.dong""")
                .bind("lineId", line.lineId())
                .bind("orderId", placed.careOrderId())
                .bind("district", placed.district())
                .bind("dong", placed.dong())
                .bind("serviceType", line.serviceType().name())
                .bind("urgent", placed.urgent())
                .bind("requestedOn", placed.requestedOn())
                .then();
    }

    /** The first delivery: counted in its month, and how long it took from the request. */
    Mono<Void> addStart(OrderStarted started) {
        return addChange(started.district(), ReportingMonth.of(started), 0, 0, 0, 0, 1)
                .then(db.sql("update order_start set started_on = :on where care_order_id = :id and started_on is null")
                        .bind("on", started.on())
                        .bind("id", started.careOrderId())
                        .then());
    }

    Mono<Void> addOrder(OrderRejected rejected) {
        return addOrder(OrderFigures.of(rejected));
    }

    private Mono<Void> addOrder(OrderFigures order) {
        return db.sql("""
                        insert into order_month (district, month, placed, rejected, urgent, lines_requested)
                        values (:district, :month, :placed, :rejected, :urgent, :linesRequested)
                        on conflict (district, month) do update
                           set placed = order_month.placed + excluded.placed,
                               rejected = order_month.rejected + excluded.rejected,
                               urgent = order_month.urgent + excluded.urgent,
                               lines_requested = order_month.lines_requested + excluded.lines_requested""")
                .bind("district", order.district())
                .bind("month", ReportingMonth.firstDay(order.month()))
                .bind("placed", order.placed())
                .bind("rejected", order.rejected())
                .bind("urgent", order.urgent())
                .bind("linesRequested", order.linesRequested())
                .then();
    }

    Mono<Void> addHold(OrderPutOnHold held) {
        return addChange(held.district(), ReportingMonth.of(held), 1, 0, 0, 0, 0);
    }

    Mono<Void> addResumption(OrderResumed resumed) {
        return addChange(resumed.district(), ReportingMonth.of(resumed), 0, 1, 0, 0, 0);
    }

    Mono<Void> addCancellation(OrderCancelled cancelled) {
        return addChange(cancelled.district(), ReportingMonth.of(cancelled), 0, 0, 1, 0, 0)
                .then(endLines(cancelled.careOrderId(), cancelled.on()));
    }

    Mono<Void> addCompletion(OrderCompleted completed) {
        return addChange(completed.district(), ReportingMonth.of(completed), 0, 0, 0, 1, 0)
                .then(endLines(completed.careOrderId(), completed.on()));
    }

    /** An ended order's unassigned lines wait for nobody any more. */
    private Mono<Void> endLines(UUID order, LocalDate on) {
        return db.sql("update service_line set ended_on = :on where care_order_id = :id and ended_on is null")
                .bind("on", on)
                .bind("id", order)
                .then();
    }

    private Mono<Void> addChange(
            String district, YearMonth month, int held, int resumed, int cancelled, int completed, int started) {
        return db.sql("""
                        insert into order_change_month (district, month, held, resumed, cancelled, completed, started)
                        values (:district, :month, :held, :resumed, :cancelled, :completed, :started)
                        on conflict (district, month) do update
                           set held = order_change_month.held + excluded.held,
                               resumed = order_change_month.resumed + excluded.resumed,
                               cancelled = order_change_month.cancelled + excluded.cancelled,
                               completed = order_change_month.completed + excluded.completed,
                               started = order_change_month.started + excluded.started""")
                .bind("started", started)
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .bind("held", held)
                .bind("resumed", resumed)
                .bind("cancelled", cancelled)
                .bind("completed", completed)
                .then();
    }

    Mono<Void> addLine(LineAssigned assigned) {
        LineFigures line = LineFigures.of(assigned);
        Mono<Void> matched = db.sql("""
                        insert into service_line (line_id, care_order_id, district, dong, service_type, assigned_on)
                        values (:lineId, :orderId, :district, :dong, :serviceType, :assignedOn)
                        on conflict (line_id) do update
                           set assigned_on = coalesce(service_line.assigned_on, excluded.assigned_on)""")
                .bind("lineId", assigned.lineId())
                .bind("orderId", assigned.careOrderId())
                .bind("district", assigned.district())
                .bind("dong", assigned.dong())
                .bind("serviceType", assigned.serviceType().name())
                .bind("assignedOn", assigned.assignedOn())
                .then();
        return matched.then(db.sql("""
                        insert into line_month (district, month, assigned, last_resort)
                        values (:district, :month, :assigned, :lastResort)
                        on conflict (district, month) do update
                           set assigned = line_month.assigned + excluded.assigned,
                               last_resort = line_month.last_resort + excluded.last_resort""")
                .bind("district", line.district())
                .bind("month", ReportingMonth.firstDay(line.month()))
                .bind("assigned", line.assigned())
                .bind("lastResort", line.lastResort())
                .then());
    }

    /** The lines no provider has been assigned yet, urgent first, then the longest waiting. */
    public Flux<WaitingLines> waiting(String district) {
        return db.sql("""
                        select urgent, service_type, dong, count(*) as lines, min(requested_on) as oldest
                        from service_line
                        where district = :district and assigned_on is null and ended_on is null
                          and requested_on is not null
                        group by urgent, service_type, dong
                        order by urgent desc, oldest, service_type, dong""")
                .bind("district", district)
                .map(row -> new WaitingLines(
                        row.get("urgent", Boolean.class),
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        row.get("dong", String.class),
                        row.get("lines", Long.class),
                        row.get("oldest", LocalDate.class)))
                .all();
    }

    /** The month's lines by dong: requested by the month's orders, assigned in the month; quiet dongs left out. */
    public Flux<DongLines> byDong(String district, YearMonth month) {
        return db.sql("""
                        select dong, count(*) filter (where requested_on >= k.month
                                                        and requested_on < k.month + interval '1 month') as requested,
                                     count(*) filter (where assigned_on >= k.month
                                                        and assigned_on < k.month + interval '1 month') as assigned
                        from service_line, (select cast(:month as date) as month) as k
                        where district = :district
                        group by dong
                        having count(*) filter (where requested_on >= k.month
                                                  and requested_on < k.month + interval '1 month') > 0
                            or count(*) filter (where assigned_on >= k.month
                                                  and assigned_on < k.month + interval '1 month') > 0
                        order by dong""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> DongLines.of(
                        row.get("dong", String.class),
                        row.get("requested", Long.class),
                        row.get("assigned", Long.class)))
                .all();
    }

    /**
     * Every district that has had a request or an assignment, in any month: the city view lists a district that
     * was quiet this month with zeros rather than leaving it out.
     */
    public Flux<String> districts() {
        return db.sql("select district from order_month union select district from line_month order by district")
                .map(row -> row.get("district", String.class))
                .all();
    }

    /** Zeros for a district or month without activity. */
    public Mono<OrderKpis> find(String district, YearMonth month) {
        return db.sql("""
                        select coalesce(o.placed, 0) as placed, coalesce(o.rejected, 0) as rejected,
                               coalesce(o.urgent, 0) as urgent, coalesce(o.lines_requested, 0) as lines_requested,
                               coalesce(l.assigned, 0) as assigned, coalesce(l.last_resort, 0) as last_resort,
                               coalesce(c.held, 0) as held, coalesce(c.resumed, 0) as resumed,
                               coalesce(c.cancelled, 0) as cancelled, coalesce(c.completed, 0) as completed,
                               coalesce(c.started, 0) as started,
                               f.first_services, f.median_days, f.longest_days, f.within_seven_days
                        from (select cast(:district as text) as district, cast(:month as date) as month) as k
                        cross join lateral (
                               select count(*) as first_services,
                                      percentile_disc(0.5) within group (order by s.started_on - s.requested_on)
                                          as median_days,
                                      max(s.started_on - s.requested_on) as longest_days,
                                      count(*) filter (where s.started_on - s.requested_on <= 7) as within_seven_days
                               from order_start s
                               where s.district = k.district and s.started_on >= k.month
                                 and s.started_on < k.month + interval '1 month') as f
                        left join order_month o on o.district = k.district and o.month = k.month
                        left join line_month l on l.district = k.district and l.month = k.month
                        left join order_change_month c on c.district = k.district and c.month = k.month""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> OrderKpis.of(
                        row.get("placed", Long.class),
                        row.get("rejected", Long.class),
                        row.get("urgent", Long.class),
                        row.get("lines_requested", Long.class),
                        row.get("assigned", Long.class),
                        row.get("last_resort", Long.class),
                        new OrderKpis.OrderChanges(
                                row.get("held", Long.class),
                                row.get("resumed", Long.class),
                                row.get("cancelled", Long.class),
                                row.get("completed", Long.class),
                                row.get("started", Long.class)),
                        new OrderKpis.FirstService(
                                row.get("first_services", Long.class),
                                row.get("median_days", Integer.class),
                                row.get("longest_days", Integer.class),
                                row.get("within_seven_days", Long.class))))
                .one();
    }
}
