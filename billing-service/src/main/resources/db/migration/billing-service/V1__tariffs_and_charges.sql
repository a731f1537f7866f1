-- Tariffs are data with effective dates: the tariff of a service in force on a day is the one with the
-- latest effective_from on or before it. A tariff once used is never edited; a new price is a new row.
create table tariff (
    id              text primary key,
    service_type    text not null,
    pricing         text not null check (pricing in ('DURATION_BANDS', 'TIME_RATE', 'UNIT_PRICE')),
    effective_from  date not null,
    minimum_minutes int,
    rate            bigint,
    basis_minutes   int,
    step_minutes    int,
    unit_price      bigint,
    basis           text not null, -- where the price comes from: a seed document, a district notice
    unique (service_type, effective_from)
);

create table tariff_band (
    tariff_id    text   not null references tariff (id),
    from_minutes int    not null,
    amount       bigint not null check (amount >= 0),
    primary key (tariff_id, from_minutes)
);

-- One charge per delivery, priced on the day of the delivery; the month it settles in is that day's month.
create table charge (
    id            uuid primary key,
    delivery_id   uuid        not null unique,
    care_order_id uuid        not null,
    line_id       uuid        not null,
    provider_id   text        not null,
    district      text        not null,
    service_type  text        not null,
    resident_ref  uuid        not null,
    income_tier   text        not null,
    service_date  date        not null,
    minutes       int,
    units         int,
    amount        bigint      not null check (amount >= 0),
    public_share  bigint      not null check (public_share >= 0),
    co_payment    bigint      not null check (co_payment >= 0),
    tariff_id     text        not null references tariff (id),
    charged_at    timestamptz not null default now(),
    constraint charge_split_adds_up check (public_share + co_payment = amount)
);

create index charge_by_provider_and_day on charge (provider_id, service_date);

-- Care SOS 2021 (서울시 사회서비스원 2021 주요업무보고, 긴급돌봄SOS사업 서비스내용).
-- 일시재가: 1회 최소 30분. The seeds price from one hour up; a visit of 30 to 59 minutes is billed at the
-- one-hour price (the first band starts at the 30-minute minimum), as a minimum charge per visit.
insert into tariff (id, service_type, pricing, effective_from, minimum_minutes, basis) values
    ('care-sos-2021-home-care', 'TEMPORARY_HOME_CARE', 'DURATION_BANDS', '2021-01-01', 30,
     '돌봄SOS 일시재가: 4시간 이상 56,320원, 3시간 이상 48,170원, 2시간 이상 38,340원, 1시간 이상 22,640원');
insert into tariff_band (tariff_id, from_minutes, amount) values
    ('care-sos-2021-home-care', 30, 22640),
    ('care-sos-2021-home-care', 120, 38340),
    ('care-sos-2021-home-care', 180, 48170),
    ('care-sos-2021-home-care', 240, 56320);

-- 이동지원: 60분 기준 14,800원, 1회 최소 30분; billed in completed 30-minute steps (7,400원 each).
insert into tariff (id, service_type, pricing, effective_from, minimum_minutes, rate, basis_minutes, step_minutes, basis) values
    ('care-sos-2021-mobility', 'MOBILITY_SUPPORT', 'TIME_RATE', '2021-01-01', 30, 14800, 60, 30,
     '돌봄SOS 이동지원: 60분 기준 14,800원, 1회 최소 30분');
