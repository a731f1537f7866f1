-- 목표: the district plans' targets per KPI, as dated data (district x KPI x month from which it holds x value).
-- Reporting's own data, set by the district's officer, never fed by events: it lives in public, outside the kpi
-- schema that a rebuild replaces, so a rebuild leaves it as it is. Append-only: a new value is a new row (the newest
-- row of a month wins), and who set it and when stay with it; updates, deletes and truncation are refused.
create table public.kpi_target (
    id          bigserial   primary key,
    district    text        not null,
    kpi         text        not null,
    valid_from  date        not null check (extract(day from valid_from) = 1),
    value       bigint      not null check (value > 0),
    set_by      text        not null,
    set_as_role text        not null,
    set_at      timestamptz not null
);

create index kpi_target_by_district on public.kpi_target (district, kpi, valid_from);

create function public.kpi_target_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'kpi_target is append-only: a new target is a new row';
end
$$;

create trigger kpi_target_no_update before update or delete on public.kpi_target
    for each row execute function public.kpi_target_append_only();
create trigger kpi_target_no_truncate before truncate on public.kpi_target
    for each statement execute function public.kpi_target_append_only();
