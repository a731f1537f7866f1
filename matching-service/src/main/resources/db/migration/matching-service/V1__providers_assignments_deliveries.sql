-- The consortium (공동생산사업단) and the public centre, by district.
create table provider (
    id          text primary key,
    name        text    not null,
    kind        text    not null,
    district    text    not null,
    last_resort boolean not null default false
);

-- Each district has at most one provider of last resort: its public home-care centre (종합재가센터).
create unique index provider_one_last_resort on provider (district) where last_resort;

-- Zones (권역) group a district's dongs; providers cover zones.
create table zone_dong (
    district text not null,
    dong     text not null,
    zone     text not null,
    primary key (district, dong)
);

create table provider_zone (
    provider_id text not null references provider (id),
    zone        text not null,
    primary key (provider_id, zone)
);

-- What each provider offers and how many lines of it it can carry at once.
create table provider_service (
    provider_id  text not null references provider (id),
    service_type text not null,
    capacity     int  not null check (capacity >= 0),
    active_lines int  not null default 0 check (active_lines >= 0),
    primary key (provider_id, service_type)
);

-- A service line and who provides it; the facts billing and reporting need travel on with each delivery.
create table line_assignment (
    line_id           uuid primary key,
    care_order_id     uuid    not null,
    provider_id       text    not null references provider (id),
    last_resort       boolean not null,
    service_type      text    not null,
    resident_ref      uuid    not null,
    district          text    not null,
    dong              text    not null,
    income_tier       text    not null,
    quantity          int     not null check (quantity > 0),
    minutes_per_visit int,
    starts_on         date    not null,
    ends_on           date    not null,
    assigned_on       date    not null,
    delivered         int     not null default 0 check (delivered <= quantity)
);

create index line_assignment_by_provider on line_assignment (provider_id, assigned_on);
create index line_assignment_by_order on line_assignment (care_order_id);

create table delivery (
    id           uuid primary key,
    line_id      uuid        not null references line_assignment (line_id),
    provider_id  text        not null,
    service_date date        not null,
    start_time   time,
    end_time     time,
    units        int,
    reported_at  timestamptz not null default now(),
    constraint delivery_measured check ((units is null) = (start_time is not null and end_time is not null))
);

-- One report per visit, and one unit report per line and day: a second one is a duplicate, not more work.
create unique index delivery_one_visit on delivery (line_id, service_date, start_time) where start_time is not null;
create unique index delivery_one_unit_report_a_day on delivery (line_id, service_date) where start_time is null;
