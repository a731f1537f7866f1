-- 돌봄계획: versions of each order's care plan. Lines are stored as the version wrote them (jsonb): a version is
-- read and written whole, and approved versions never change.
create table care_plan (
    care_order_id uuid primary key references care_order (id),
    revision      int  not null check (revision > 0)
);

create table care_plan_version (
    care_order_id  uuid        not null references care_plan (care_order_id),
    number         int         not null check (number > 0),
    effective_from date        not null,
    lines          jsonb       not null,
    ended          jsonb       not null,
    drafted_by     text        not null,
    drafted_at     timestamptz not null,
    approved_by    text,
    approved_at    timestamptz,
    primary key (care_order_id, number),
    constraint care_plan_version_approval check ((approved_by is null) = (approved_at is null))
);

-- A plan may end a line before its first day: the line keeps an empty period, ending the day before it starts.
alter table care_order_line drop constraint care_order_line_check;
alter table care_order_line add constraint care_order_line_period check (ends_on >= starts_on - 1);
