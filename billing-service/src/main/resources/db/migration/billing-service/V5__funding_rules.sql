-- Funding rules (지원 기준) are data with effective dates, like tariffs: the public share of a charge is that of the
-- rule in force on the delivery's day for its program (service), its resident's income tier and its district — the
-- latest to take effect on or before that day, of the district's own rules and the city-wide ones (district null);
-- on the same day the district's own wins. A rule once recorded is never edited: a change is a new row, which says
-- who recorded it, when, and on what basis.
create table funding_rule (
    id                text primary key,
    district          text, -- null: city-wide
    service_type      text        not null,
    income_tier       text        not null check (income_tier in ('BASIC_LIVELIHOOD', 'NEAR_POOR', 'GENERAL')),
    effective_from    date        not null,
    -- 공공부담 in basis points of the charge: 10000 is all of it. Rounded down to the won; the co-payment is the rest.
    public_share_bp   int         not null check (public_share_bp between 0 and 10000),
    basis             text        not null check (length(basis) between 1 and 200),
    recorded_by       text,        -- null for the rows of a migration
    recorded_as_role  text,
    recorded_at       timestamptz not null default now()
);

create unique index funding_rule_one_per_day
    on funding_rule (coalesce(district, ''), service_type, income_tier, effective_from);

-- Care SOS 2021 (서울시 사회서비스원 2021 주요업무보고): 저소득층(수급자, 차상위) 전액지원, 그 외 시민 전액 자부담 —
-- the rule the code applied before it became data, for every program, from the day the tariffs start.
insert into funding_rule (id, district, service_type, income_tier, effective_from, public_share_bp, basis)
select 'care-sos-2021-' || lower(replace(service, '_', '-')) || '-' || lower(replace(tier, '_', '-')), null, service,
       tier, date '2021-01-01', case when tier = 'GENERAL' then 0 else 10000 end,
       '돌봄SOS: 저소득층(수급자, 차상위) 전액지원, 그 외 시민 전액 자부담'
from unnest(array['TEMPORARY_HOME_CARE', 'MOBILITY_SUPPORT', 'MEAL_SUPPORT', 'HOUSING_REPAIR']) as service,
     unnest(array['BASIC_LIVELIHOOD', 'NEAR_POOR', 'GENERAL']) as tier;

-- The rule each charge was split by; null for the charges split before rules were data (by the same Care SOS rule).
alter table charge add column funding_rule_id text references funding_rule (id);
