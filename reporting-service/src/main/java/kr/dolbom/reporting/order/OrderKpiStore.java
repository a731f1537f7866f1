package kr.dolbom.reporting.order;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;
import kr.dolbom.reporting.order.OrderKpis.OrderChanges;
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
        return addOrders(List.of(placed));
    }

    Mono<Void> addOrder(OrderRejected rejected) {
        return addOrders(List.of(rejected));
    }

    Mono<Void> addHold(OrderPutOnHold held) {
        return addOrders(List.of(held));
    }

    Mono<Void> addResumption(OrderResumed resumed) {
        return addOrders(List.of(resumed));
    }

    Mono<Void> addCancellation(OrderCancelled cancelled) {
        return addOrders(List.of(cancelled));
    }

    Mono<Void> addCompletion(OrderCompleted completed) {
        return addOrders(List.of(completed));
    }

    /** The first delivery: counted in its month, and how long it took from the request. */
    Mono<Void> addStart(OrderStarted started) {
        return addOrders(List.of(started));
    }

    Mono<Void> addLine(LineAssigned assigned) {
        return addLines(List.of(assigned));
    }

    Mono<Void> addOffer(CareEvent offerOrAnswer) {
        return addOffers(List.of(offerOrAnswer));
    }

    /** Applies events of the assignments stream, as many as come: assignments, offers and their answers. */
    public Mono<Void> addAssignments(List<? extends CareEvent> events) {
        List<LineAssigned> lines = new ArrayList<>();
        List<CareEvent> offers = new ArrayList<>();
        for (CareEvent event : events) {
            if (event instanceof LineAssigned assigned) {
                lines.add(assigned);
            } else {
                offers.add(event);
            }
        }
        return addLines(lines).then(addOffers(offers));
    }

    /** 연계 제안: offers in the month they were made, answers in the month of the answer; other events pass by. */
    public Mono<Void> addOffers(List<? extends CareEvent> events) {
        Map<Month, OfferFigures> months = new TreeMap<>();
        for (CareEvent event : events) {
            OfferFigures figures = event instanceof LineOffered offered
                    ? OfferFigures.of(offered)
                    : event instanceof OfferAccepted accepted
                            ? OfferFigures.of(accepted)
                            : event instanceof OfferDeclined declined ? OfferFigures.of(declined) : null;
            if (figures != null) {
                months.merge(Month.of(figures.district(), figures.month()), figures, OfferFigures::plus);
            }
        }
        if (months.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into offer_month (district, month, offered, accepted, declined, expired, withdrawn,
                                                 seconds_to_accept)
                        select * from unnest(:districts::text[], :months::date[], :offered::bigint[],
                                             :accepted::bigint[], :declined::bigint[], :expired::bigint[],
                                             :withdrawn::bigint[], :seconds::bigint[])
                        on conflict (district, month) do update
                           set offered = offer_month.offered + excluded.offered,
                               accepted = offer_month.accepted + excluded.accepted,
                               declined = offer_month.declined + excluded.declined,
                               expired = offer_month.expired + excluded.expired,
                               withdrawn = offer_month.withdrawn + excluded.withdrawn,
                               seconds_to_accept = offer_month.seconds_to_accept + excluded.seconds_to_accept""")
                .bind("districts", districts(months))
                .bind("months", firstDays(months))
                .bind("offered", column(months, OfferFigures::offered))
                .bind("accepted", column(months, OfferFigures::accepted))
                .bind("declined", column(months, OfferFigures::declined))
                .bind("expired", column(months, OfferFigures::expired))
                .bind("withdrawn", column(months, OfferFigures::withdrawn))
                .bind("seconds", column(months, OfferFigures::secondsToAccept))
                .then();
    }

    /**
     * Applies events of the orders stream, as many as come, in set-wise statements: the month counters summed per
     * district and month first; then the lines the orders requested, their days of request, the ends of ended
     * orders and the first services. That order of the statements is the stream's own for every care order: its
     * events share a partition and intake announces an order before anything that happens to it, so a batch gives
     * the same rows as its events applied one by one. Other types on the stream are not this store's.
     */
    public Mono<Void> addOrders(List<? extends CareEvent> events) {
        Map<Month, OrderFigures> orders = new TreeMap<>();
        Map<Month, OrderChanges> changes = new TreeMap<>();
        Map<UUID, RequestedLine> lines = new TreeMap<>();
        Map<UUID, OrderPlaced> requested = new TreeMap<>();
        Map<UUID, LocalDate> ended = new TreeMap<>();
        Map<UUID, LocalDate> started = new TreeMap<>();
        for (CareEvent event : events) {
            if (event instanceof OrderPlaced placed) {
                orders.merge(
                        Month.of(placed.district(), ReportingMonth.of(placed)),
                        OrderFigures.of(placed),
                        OrderFigures::plus);
                placed.lines()
                        .forEach(line -> lines.merge(
                                line.lineId(), RequestedLine.of(placed, line), RequestedLine::requestedAgain));
                requested.putIfAbsent(placed.careOrderId(), placed);
            } else if (event instanceof OrderRejected rejected) {
                orders.merge(
                        Month.of(rejected.district(), ReportingMonth.of(rejected)),
                        OrderFigures.of(rejected),
                        OrderFigures::plus);
            } else if (event instanceof OrderPutOnHold held) {
                changes.merge(
                        Month.of(held.district(), ReportingMonth.of(held)), OrderChanges.HELD, OrderChanges::plus);
            } else if (event instanceof OrderResumed resumed) {
                changes.merge(
                        Month.of(resumed.district(), ReportingMonth.of(resumed)),
                        OrderChanges.RESUMED,
                        OrderChanges::plus);
            } else if (event instanceof OrderCancelled cancelled) {
                changes.merge(
                        Month.of(cancelled.district(), ReportingMonth.of(cancelled)),
                        OrderChanges.CANCELLED,
                        OrderChanges::plus);
                ended.putIfAbsent(cancelled.careOrderId(), cancelled.on());
            } else if (event instanceof OrderCompleted completed) {
                changes.merge(
                        Month.of(completed.district(), ReportingMonth.of(completed)),
                        OrderChanges.COMPLETED,
                        OrderChanges::plus);
                ended.putIfAbsent(completed.careOrderId(), completed.on());
            } else if (event instanceof OrderStarted start) {
                changes.merge(
                        Month.of(start.district(), ReportingMonth.of(start)), OrderChanges.STARTED, OrderChanges::plus);
                started.putIfAbsent(start.careOrderId(), start.on());
            } else {
                throw new IllegalArgumentException(event.getClass().getSimpleName()
                        + " is not an event of the orders stream that reporting counts");
            }
        }
        return addOrderMonths(orders)
                .then(addChangeMonths(changes))
                .then(requestLines(lines.values()))
                .then(addRequests(requested.values()))
                .then(endLines(ended))
                .then(addStarts(started));
    }

    /** A district's month, in key order: every transaction locks its rows in the same order. */
    private record Month(String district, LocalDate firstDay) implements Comparable<Month> {

        static Month of(String district, YearMonth month) {
            return new Month(district, ReportingMonth.firstDay(month));
        }

        @Override
        public int compareTo(Month other) {
            int byDistrict = district.compareTo(other.district);
            return byDistrict != 0 ? byDistrict : firstDay.compareTo(other.firstDay);
        }
    }

    private static String[] districts(Map<Month, ?> months) {
        return months.keySet().stream().map(Month::district).toArray(String[]::new);
    }

    private static LocalDate[] firstDays(Map<Month, ?> months) {
        return months.keySet().stream().map(Month::firstDay).toArray(LocalDate[]::new);
    }

    private static <T> Long[] column(Map<Month, T> months, ToLongFunction<T> value) {
        return months.values().stream()
                .map(figures -> value.applyAsLong(figures))
                .toArray(Long[]::new);
    }

    private Mono<Void> addOrderMonths(Map<Month, OrderFigures> months) {
        if (months.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into order_month (district, month, placed, rejected, urgent, lines_requested)
                        select * from unnest(:districts::text[], :months::date[], :placed::bigint[],
                                             :rejected::bigint[], :urgent::bigint[], :linesRequested::bigint[])
                        on conflict (district, month) do update
                           set placed = order_month.placed + excluded.placed,
                               rejected = order_month.rejected + excluded.rejected,
                               urgent = order_month.urgent + excluded.urgent,
                               lines_requested = order_month.lines_requested + excluded.lines_requested""")
                .bind("districts", districts(months))
                .bind("months", firstDays(months))
                .bind("placed", column(months, OrderFigures::placed))
                .bind("rejected", column(months, OrderFigures::rejected))
                .bind("urgent", column(months, OrderFigures::urgent))
                .bind("linesRequested", column(months, OrderFigures::linesRequested))
                .then();
    }

    private Mono<Void> addChangeMonths(Map<Month, OrderChanges> months) {
        if (months.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into order_change_month (district, month, held, resumed, cancelled, completed, started)
                        select * from unnest(:districts::text[], :months::date[], :held::bigint[], :resumed::bigint[],
                                             :cancelled::bigint[], :completed::bigint[], :started::bigint[])
                        on conflict (district, month) do update
                           set held = order_change_month.held + excluded.held,
                               resumed = order_change_month.resumed + excluded.resumed,
                               cancelled = order_change_month.cancelled + excluded.cancelled,
                               completed = order_change_month.completed + excluded.completed,
                               started = order_change_month.started + excluded.started""")
                .bind("districts", districts(months))
                .bind("months", firstDays(months))
                .bind("held", column(months, OrderChanges::held))
                .bind("resumed", column(months, OrderChanges::resumed))
                .bind("cancelled", column(months, OrderChanges::cancelled))
                .bind("completed", column(months, OrderChanges::completed))
                .bind("started", column(months, OrderChanges::started))
                .then();
    }

    /**
     * A line as its order requested it; its assignment may be here already. Requested twice within one batch, the
     * row is the one the first request inserts and the last updates, as one by one.
     */
    private record RequestedLine(
            UUID lineId,
            UUID careOrderId,
            String district,
            String dong,
            ServiceType serviceType,
            boolean urgent,
            LocalDate requestedOn) {

        static RequestedLine of(OrderPlaced placed, OrderPlaced.Line line) {
            return new RequestedLine(
                    line.lineId(),
                    placed.careOrderId(),
                    placed.district(),
                    placed.dong(),
                    line.serviceType(),
                    placed.urgent(),
                    placed.requestedOn());
        }

        RequestedLine requestedAgain(RequestedLine again) {
            return new RequestedLine(
                    lineId, careOrderId, district, again.dong, serviceType, again.urgent, again.requestedOn);
        }
    }

    private Mono<Void> requestLines(Collection<RequestedLine> lines) {
        if (lines.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into service_line
                               (line_id, care_order_id, district, dong, service_type, urgent, requested_on)
                        select * from unnest(:lineIds::uuid[], :orderIds::uuid[], :districts::text[], :dongs::text[],
                                             :serviceTypes::text[], :urgent::boolean[], :requestedOn::date[])
                        on conflict (line_id) do update
                           set urgent = excluded.urgent, requested_on = excluded.requested_on, dong = excluded.dong""")
                .bind("lineIds", lines.stream().map(RequestedLine::lineId).toArray(UUID[]::new))
                .bind("orderIds", lines.stream().map(RequestedLine::careOrderId).toArray(UUID[]::new))
                .bind("districts", lines.stream().map(RequestedLine::district).toArray(String[]::new))
                .bind("dongs", lines.stream().map(RequestedLine::dong).toArray(String[]::new))
                .bind(
                        "serviceTypes",
                        lines.stream().map(line -> line.serviceType().name()).toArray(String[]::new))
                .bind("urgent", lines.stream().map(RequestedLine::urgent).toArray(Boolean[]::new))
                .bind(
                        "requestedOn",
                        lines.stream().map(RequestedLine::requestedOn).toArray(LocalDate[]::new))
                .then();
    }

    /** Each order's day of request, from its first announcement; the day of its first service comes later. */
    private Mono<Void> addRequests(Collection<OrderPlaced> placed) {
        if (placed.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into order_start (care_order_id, district, requested_on)
                        select * from unnest(:ids::uuid[], :districts::text[], :requestedOn::date[])
                        on conflict do nothing""")
                .bind("ids", placed.stream().map(OrderPlaced::careOrderId).toArray(UUID[]::new))
                .bind("districts", placed.stream().map(OrderPlaced::district).toArray(String[]::new))
                .bind(
                        "requestedOn",
                        placed.stream().map(OrderPlaced::requestedOn).toArray(LocalDate[]::new))
                .then();
    }

    /** An ended order's unassigned lines wait for nobody any more; the first end of an order is the one. */
    private Mono<Void> endLines(Map<UUID, LocalDate> ended) {
        if (ended.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        update service_line set ended_on = e.ended_on
                        from unnest(:ids::uuid[], :endedOn::date[]) as e (care_order_id, ended_on)
                        where service_line.care_order_id = e.care_order_id and service_line.ended_on is null""")
                .bind("ids", ended.keySet().toArray(UUID[]::new))
                .bind("endedOn", ended.values().toArray(LocalDate[]::new))
                .then();
    }

    private Mono<Void> addStarts(Map<UUID, LocalDate> started) {
        if (started.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        update order_start set started_on = s.started_on
                        from unnest(:ids::uuid[], :startedOn::date[]) as s (care_order_id, started_on)
                        where order_start.care_order_id = s.care_order_id and order_start.started_on is null""")
                .bind("ids", started.keySet().toArray(UUID[]::new))
                .bind("startedOn", started.values().toArray(LocalDate[]::new))
                .then();
    }

    /**
     * Applies assignments, as many as come: counted in the district's month of the assignment, and each line
     * marked matched by its first assignment.
     */
    public Mono<Void> addLines(List<LineAssigned> assignments) {
        Map<Month, LineFigures> months = new TreeMap<>();
        Map<UUID, LineAssigned> firsts = new TreeMap<>();
        for (LineAssigned assigned : assignments) {
            LineFigures line = LineFigures.of(assigned);
            months.merge(Month.of(line.district(), line.month()), line, LineFigures::plus);
            firsts.putIfAbsent(assigned.lineId(), assigned);
        }
        if (months.isEmpty()) {
            return Mono.empty();
        }
        Collection<LineAssigned> lines = firsts.values();
        Mono<Void> matched = db.sql("""
                        insert into service_line (line_id, care_order_id, district, dong, service_type, assigned_on)
                        select * from unnest(:lineIds::uuid[], :orderIds::uuid[], :districts::text[], :dongs::text[],
                                             :serviceTypes::text[], :assignedOn::date[])
                        on conflict (line_id) do update
                           set assigned_on = coalesce(service_line.assigned_on, excluded.assigned_on)""")
                .bind("lineIds", lines.stream().map(LineAssigned::lineId).toArray(UUID[]::new))
                .bind("orderIds", lines.stream().map(LineAssigned::careOrderId).toArray(UUID[]::new))
                .bind("districts", lines.stream().map(LineAssigned::district).toArray(String[]::new))
                .bind("dongs", lines.stream().map(LineAssigned::dong).toArray(String[]::new))
                .bind(
                        "serviceTypes",
                        lines.stream().map(line -> line.serviceType().name()).toArray(String[]::new))
                .bind("assignedOn", lines.stream().map(LineAssigned::assignedOn).toArray(LocalDate[]::new))
                .then();
        return matched.then(db.sql("""
                        insert into line_month (district, month, assigned, last_resort)
                        select * from unnest(:districts::text[], :months::date[], :assigned::bigint[],
                                             :lastResort::bigint[])
                        on conflict (district, month) do update
                           set assigned = line_month.assigned + excluded.assigned,
                               last_resort = line_month.last_resort + excluded.last_resort""")
                .bind("districts", districts(months))
                .bind("months", firstDays(months))
                .bind("assigned", column(months, LineFigures::assigned))
                .bind("lastResort", column(months, LineFigures::lastResort))
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
                               coalesce(x.offered, 0) as offered, coalesce(x.accepted, 0) as accepted,
                               coalesce(x.declined, 0) as declined, coalesce(x.expired, 0) as expired,
                               coalesce(x.withdrawn, 0) as withdrawn,
                               coalesce(x.seconds_to_accept, 0) as seconds_to_accept,
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
                        left join order_change_month c on c.district = k.district and c.month = k.month
                        left join offer_month x on x.district = k.district and x.month = k.month""")
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
                                row.get("within_seven_days", Long.class)),
                        OrderKpis.Offers.of(
                                row.get("offered", Long.class),
                                row.get("accepted", Long.class),
                                row.get("declined", Long.class),
                                row.get("expired", Long.class),
                                row.get("withdrawn", Long.class),
                                row.get("seconds_to_accept", Long.class))))
                .one();
    }
}
