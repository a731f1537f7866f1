-- 방문 검증 (EVV): a report says who did it (a pseudonymous worker code, never a name), where (the resident's dong,
-- or a mobility trip's destination as a short code) and what came of it. Reports from before it have none.
alter table delivery add column worker_ref text;
alter table delivery add column place text;
alter table delivery add column outcome text not null default 'DELIVERED'
    check (outcome in ('DELIVERED', 'RESIDENT_ABSENT', 'REFUSED_AT_DOOR'));

-- Verified deliveries are announced (when paid); held ones wait for the window, which releases or rejects them;
-- the window voids announced ones. Every earlier delivery was announced at once: verified.
alter table delivery add column status text not null default 'VERIFIED'
    check (status in ('VERIFIED', 'HELD', 'RELEASED', 'REJECTED', 'VOIDED'));
alter table delivery add column hold_reason text;
alter table delivery add constraint delivery_held_says_why check (status <> 'HELD' or hold_reason is not null);
-- What the delivery took from its line's plan (visits or units), given back when it is rejected or voided; 0 for an
-- unpaid absence or a refusal, which leave the visit owed.
alter table delivery add column counted int not null default 0 check (counted >= 0);
update delivery set counted = coalesce(units, 1);
-- Whether ServiceDelivered went out: only an announced delivery can be voided.
alter table delivery add column announced boolean not null default true;
alter table delivery alter column announced drop default;
-- The window's answer to a held delivery, or its void: who, when, why. Notes stay here (they may name a person).
alter table delivery add column decided_by text;
alter table delivery add column decided_at timestamptz;
alter table delivery add column decision_note text;
alter table delivery add column void_reason text;
alter table delivery add column voided_on date;
alter table delivery add column voided_by text;
alter table delivery add column void_note text;
alter table delivery add constraint delivery_voided_says_why check ((status = 'VOIDED') = (void_reason is not null));

-- A rejected or voided report no longer stands for its visit: the right one may be reported anew.
drop index delivery_one_visit;
drop index delivery_one_unit_report_a_day;
create unique index delivery_one_visit on delivery (line_id, service_date, start_time)
    where start_time is not null and status not in ('REJECTED', 'VOIDED');
create unique index delivery_one_unit_report_a_day on delivery (line_id, service_date)
    where start_time is null and status not in ('REJECTED', 'VOIDED');
-- 동시 방문: a worker's visits of a day, over every line of the provider.
create index delivery_by_worker on delivery (provider_id, worker_ref, service_date) where worker_ref is not null;
-- 보류 목록: the window's queue.
create index delivery_held on delivery (provider_id, reported_at) where status = 'HELD';

-- 부재 방문 지급 기준: whether a visit the resident was absent for (or refused at the door) is paid, as dated rows; the
-- row in force on the delivery's day decides, and without one it is not paid.
create table absence_pay_rule (
    outcome    text    not null check (outcome in ('RESIDENT_ABSENT', 'REFUSED_AT_DOOR')),
    valid_from date    not null,
    paid       boolean not null,
    basis      text    not null,
    primary key (outcome, valid_from)
);

insert into absence_pay_rule (outcome, valid_from, paid, basis) values
    ('RESIDENT_ABSENT', date '2026-01-01', false,
     '돌봄SOS 서비스 비용은 제공 실적(시간·건)으로 지급: 부재 시 제공된 서비스가 없음');
