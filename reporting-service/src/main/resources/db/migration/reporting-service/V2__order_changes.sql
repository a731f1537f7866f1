-- Changes of running orders by the month of the change's own date (hold from, resumed on, ended on).
create table order_change_month (
    district  text   not null,
    month     date   not null check (extract(day from month) = 1),
    held      bigint not null default 0, -- 보류
    resumed   bigint not null default 0, -- 재개
    cancelled bigint not null default 0, -- 취소
    completed bigint not null default 0, -- 종결
    primary key (district, month)
);
