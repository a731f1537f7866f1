-- KPI read models. Every figure is a pure function of the events applied so far (each once, through the
-- inbox in processed_event): emptying these tables and processed_event and replaying the topics from the
-- start rebuilds them exactly. Nothing here comes from the clock or from another service's database.
--
-- month is the first day of the month of the event's own business date (requested, assigned, served).

-- Care orders by the month they were requested (신청월).
create table order_month (
    district        text   not null,
    month           date   not null check (extract(day from month) = 1),
    placed          bigint not null default 0,
    rejected        bigint not null default 0,
    urgent          bigint not null default 0, -- 긴급: placed and urgent
    lines_requested bigint not null default 0, -- service lines of placed orders
    primary key (district, month)
);

-- Service lines by the month they were assigned (연계월).
create table line_month (
    district    text   not null,
    month       date   not null check (extract(day from month) = 1),
    assigned    bigint not null default 0,
    last_resort bigint not null default 0, -- taken by the public home-care centre (종합재가센터)
    primary key (district, month)
);

-- Deliveries by the month of their service date: units for unit services, minutes for timed ones.
create table delivery_month (
    district     text   not null,
    month        date   not null check (extract(day from month) = 1),
    service_type text   not null,
    deliveries   bigint not null default 0,
    units        bigint not null default 0,
    minutes      bigint not null default 0,
    primary key (district, month, service_type)
);

-- Who was served (이용자), by pseudonymous ref only; counted on read, so a second delivery adds nothing.
create table resident_served (
    district     text not null,
    month        date not null check (extract(day from month) = 1),
    service_type text not null,
    resident_ref uuid not null,
    primary key (district, month, service_type, resident_ref)
);

-- Charges by the month of their service date, in whole won (KRW has no minor unit).
create table charge_district_month (
    district     text   not null,
    month        date   not null check (extract(day from month) = 1),
    charges      bigint not null default 0,
    amount       bigint not null default 0,
    public_share bigint not null default 0,
    co_payment   bigint not null default 0,
    primary key (district, month)
);

-- The same per provider, to reconcile with billing's monthly settlement (정산).
create table charge_provider_month (
    provider_id  text   not null,
    month        date   not null check (extract(day from month) = 1),
    charges      bigint not null default 0,
    amount       bigint not null default 0,
    public_share bigint not null default 0,
    co_payment   bigint not null default 0,
    primary key (provider_id, month)
);
