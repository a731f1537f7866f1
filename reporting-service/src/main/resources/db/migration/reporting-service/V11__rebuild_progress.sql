-- Each rebuild's progress as last recorded, so that an operator following it reaches it from any instance behind the
-- load balancer and after a restart. In public, not in kpi: a rebuild swaps the kpi schema, and its own record must
-- not go with it. No personal data: counts of records and events.
create table public.rebuild_run (
    id          uuid primary key,
    state       text        not null,
    answer      jsonb       not null,
    recorded_at timestamptz not null
);
