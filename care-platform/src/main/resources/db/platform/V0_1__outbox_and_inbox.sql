-- Shared by every service, in every service's own database.

-- Events committed with the state change they announce; the relay publishes them in id order.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    message_key  text        not null,
    event_type   text        not null,
    source       text        not null,
    occurred_at  timestamptz not null,
    payload      json        not null, -- json, not jsonb: published byte for byte as the codec wrote it
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (id) where published_at is null;

-- One row per event a consumer has applied, written in the transaction of its effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
