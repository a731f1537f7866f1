-- Personal data lives here and nowhere else; every other table and every event uses the resident's id
-- (the pseudonymous residentRef).
create table resident (
    id          uuid primary key,
    name        text        not null,
    birth_date  date        not null,
    phone       text        not null,
    address     text        not null,
    dong        text        not null,
    disabled    boolean     not null,
    income_tier text        not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    constraint resident_identity unique (name, birth_date, phone)
);

-- The dongs of each district this window serves (reference data loaded per deployment).
create table district_dong (
    district text not null,
    dong     text not null,
    name_ko  text not null,
    primary key (district, dong)
);

create table care_order (
    id               uuid primary key,
    resident_id      uuid        not null references resident (id),
    district         text        not null,
    dong             text        not null,
    income_tier      text        not null,
    urgent           boolean     not null,
    channel          text        not null,
    referrer         text,
    requested_on     date        not null,
    status           text        not null,
    target_group     text,
    rejection_reason text,
    created_at       timestamptz not null default now(),
    constraint care_order_decided check ((status = 'REJECTED') = (rejection_reason is not null))
);

create index care_order_by_district on care_order (district, requested_on);

create table care_order_line (
    id               uuid primary key,
    care_order_id    uuid    not null references care_order (id),
    position         int     not null,
    service_type     text    not null,
    quantity         int     not null check (quantity > 0),
    minutes_per_visit int,
    starts_on        date    not null,
    ends_on          date    not null check (ends_on >= starts_on),
    provider_id      text,
    last_resort      boolean,
    assigned_on      date,
    unique (care_order_id, position)
);

create table care_order_history (
    id            bigint generated always as identity primary key,
    care_order_id uuid        not null references care_order (id),
    at            timestamptz not null,
    status        text        not null,
    detail        text        not null
);

create index care_order_history_by_order on care_order_history (care_order_id, id);

-- A retried POST with the same Idempotency-Key gets the first answer back instead of a second order.
create table idempotency_key (
    key           text primary key,
    request_hash  text        not null,
    care_order_id uuid        not null references care_order (id),
    response      jsonb       not null,
    created_at    timestamptz not null default now()
);
