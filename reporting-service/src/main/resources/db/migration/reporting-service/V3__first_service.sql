-- 요청~첫 서비스: each placed order's day of request and the day of its first delivery (OrderStarted), for the
-- KPI "time from request to first service" by the month of the first service.
create table order_start (
    care_order_id uuid primary key,
    district      text not null,
    requested_on  date not null,
    started_on    date
);

create index order_start_by_month on order_start (district, started_on) where started_on is not null;

alter table order_change_month add column started bigint not null default 0; -- 서비스 개시
