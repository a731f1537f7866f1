-- 연계 대기: each service line of a placed order, until matching assigns it or the order ends, for the ops view's
-- queue (counts by urgency, service and dong; no resident) and the dong breakdown of requests and matches.
-- Orders and assignments come on different topics: a line may be assigned before reporting hears of its order,
-- so either event may create the row and the other completes it (requested_on null: the order is not here yet).
create table service_line (
    line_id       uuid primary key,
    care_order_id uuid    not null,
    district      text    not null,
    dong          text    not null,
    service_type  text    not null,
    urgent        boolean not null default false, -- 긴급
    requested_on  date,
    assigned_on   date,                           -- 연계일: the first assignment
    ended_on      date                            -- the order was cancelled or completed
);

create index service_line_waiting on service_line (district, requested_on)
    where assigned_on is null and ended_on is null;
create index service_line_by_order on service_line (care_order_id);
