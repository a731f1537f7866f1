-- Voids, reversals and holds (issue 13). Every figure stays a pure function of the events applied, so a rebuild
-- from the log recounts them exactly; deliveries counted before this migration are not remembered one by one (see
-- delivery_state), and only a rebuild lets a void of one of them be subtracted.

-- 청구 취소 (ChargeReversed): amount, public_share and co_payment become net of reversals, in the month the original
-- charge counts in (its service date). charges stays the number of charges billed; reversals and reversed_amount
-- are shown beside it (charges - reversals charges stand).
alter table kpi.charge_district_month
    add column reversals       bigint not null default 0,
    add column reversed_amount bigint not null default 0;

alter table kpi.charge_provider_month
    add column reversals       bigint not null default 0,
    add column reversed_amount bigint not null default 0;

-- 검증 보류 (DeliveryHeld): deliveries of the month (of their service date) that wait for the window; a release
-- (ServiceDelivered) or a rejection (DeliveryRejected) takes one off.
alter table kpi.delivery_month add column held bigint not null default 0;

-- What each delivery heard of since this migration: its state, and for a counted delivery what it added to
-- delivery_month and resident_served, so that a void (DeliveryVoided) takes exactly that off. A void or a rejection
-- heard before the delivery is kept as its state, so that the delivery is not counted when it comes. No personal
-- data: the resident is the pseudonymous ref resident_served already keeps.
create table kpi.delivery_state (
    delivery_id  uuid primary key,
    state        text not null check (state in ('NEW', 'HELD', 'DELIVERED', 'VOIDED', 'REJECTED')),
    district     text,
    month        date check (extract(day from month) = 1),
    service_type text,
    resident_ref uuid,
    units        bigint not null default 0,
    minutes      bigint not null default 0
);

create index delivery_state_counted on kpi.delivery_state (district, month, service_type, resident_ref)
    where state = 'DELIVERED';
