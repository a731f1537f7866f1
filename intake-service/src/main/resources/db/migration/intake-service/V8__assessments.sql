-- 욕구사정: the care manager's last assessment of each order, and the priority groups it and the income tier put
-- the order in. The assessment holds health facts (chronic conditions, admissions): personal data, read by the care
-- managers only and audited like the resident's record.
alter table care_order add column priority_groups text[] not null default '{}';
update care_order set priority_groups = '{LOW_INCOME}' where income_tier <> 'GENERAL';

create table care_order_assessment (
    care_order_id uuid        primary key references care_order (id),
    assessment    jsonb       not null,
    assessed_by   text        not null,
    assessed_at   timestamptz not null
);
