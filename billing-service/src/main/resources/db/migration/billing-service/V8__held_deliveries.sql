-- 검증 보류: the deliveries matching could not verify (DeliveryHeld), one row each, until the window releases them
-- (ServiceDelivered of the same delivery, charged as any) or rejects them (DeliveryRejected, never paid). An open hold
-- (resolution null) of a provider keeps the provider's months from its service month on from being approved; the
-- statement lists the month's open holds apart, outside its totals.
--
-- The events of a delivery may be heard in any order: a rejection heard first writes the row already resolved, with
-- the hold's own columns (held_on) left for the hold to fill in, so that the hold, when it comes, finds it resolved;
-- a release heard first is the delivery's charge (or its void), which the hold looks for. The first resolution stays.
create table held_delivery (
    delivery_id  uuid        primary key,
    district     text        not null,
    provider_id  text        not null,
    service_date date        not null,
    service_type text        not null,
    reason       text        not null,
    held_on      date, -- the Korean day of the hold; null while only its rejection was heard
    resolution   text check (resolution in ('RELEASED', 'REJECTED')),
    resolved_on  date, -- the Korean day billing heard the release, or the day of the rejection
    recorded_at  timestamptz not null default now(),
    constraint held_delivery_resolved_on_a_day check ((resolution is null) = (resolved_on is null)),
    constraint held_delivery_open_once_heard check (resolution is not null or held_on is not null),
    constraint held_delivery_not_before_its_day check (held_on >= service_date)
);

-- The open holds of a provider, by day: what an approval looks for and what a statement lists.
create index held_delivery_open on held_delivery (district, provider_id, service_date) where resolution is null;
