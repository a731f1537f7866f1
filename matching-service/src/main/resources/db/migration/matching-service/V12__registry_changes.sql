-- 명부 이력: a member's registration, the zones it serves and leads, its suspensions and resumptions, each with who
-- made the change and why. Capacity and contract changes keep their own dated tables (provider_service_change,
-- provider_contract_change); the history the window reads is the three together.
create table provider_change (
    provider_id text        not null references provider (id),
    changed_at  timestamptz not null default clock_timestamp(),
    what        text        not null check (what in ('REGISTERED', 'ZONES_CHANGED', 'SUSPENDED', 'RESUMED')),
    detail      jsonb       not null default '{}',
    changed_by  text        not null,
    reason      text        not null check (length(reason) between 1 and 500),
    primary key (provider_id, changed_at, what)
);
