-- 협약 기간: a member is offered and given lines only while under contract with the district. The contract is kept
-- as dated changes, never edited: each row says from which day the member is (or is no longer) under contract, and
-- the latest row recorded for the latest day on or before a date decides that date. A period from A to B is two
-- rows, (A, true) and (B + 1, false); a contract ended early is a later row for an earlier day. The public centre
-- is the district's own and is always under contract.
create table provider_contract_change (
    provider_id    text        not null references provider (id),
    effective_on   date        not null,
    under_contract boolean     not null,
    recorded_by    text        not null,
    reason         text        not null check (length(reason) between 1 and 500),
    recorded_at    timestamptz not null default clock_timestamp(),
    primary key (provider_id, effective_on, recorded_at)
);

-- The members registered before contracts were kept stay under the agreement they worked under.
insert into provider_contract_change (provider_id, effective_on, under_contract, recorded_by, reason)
select id, date '2026-01-01', true, 'V10__contract_periods',
       'the consortium agreement in force before contract periods were kept'
from provider
where not last_resort;

-- A line taken over because its provider's contract ended.
alter table line_reassignment drop constraint line_reassignment_cause_check;
alter table line_reassignment add constraint line_reassignment_cause_check
    check (cause in ('BY_WINDOW', 'HANDED_BACK', 'PROVIDER_SUSPENDED', 'CONTRACT_ENDED'));
