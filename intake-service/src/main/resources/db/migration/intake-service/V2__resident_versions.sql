-- A resident's record is never rewritten in silence: each confirmed change of the details is a new version,
-- kept for good beside the current row (which always equals its latest version).
alter table resident add column version int not null default 1 check (version >= 1);

create table resident_version (
    resident_id    uuid        not null references resident (id),
    version        int         not null check (version >= 1),
    address        text        not null,
    dong           text        not null,
    disabled       boolean     not null,
    income_tier    text        not null,
    -- the details this version changed (address, dong, disabled, incomeTier); all of them for version 1
    changed_fields text[]      not null,
    reason         text        not null,
    at             timestamptz not null,
    primary key (resident_id, version)
);

-- Residents registered before versions existed start from what their row says now.
insert into resident_version (resident_id, version, address, dong, disabled, income_tier, changed_fields, reason, at)
select id, 1, address, dong, disabled, income_tier, array['address', 'dong', 'disabled', 'incomeTier'],
       'registered before resident versions were kept', updated_at
from resident;

create index care_order_by_resident on care_order (resident_id);
