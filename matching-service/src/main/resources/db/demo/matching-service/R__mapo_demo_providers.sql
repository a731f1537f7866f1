-- Demo district: Mapo-gu (마포구) in three zones, its social-economy consortium and the public
-- home-care centre as provider of last resort. Capacities are what each member can carry at once.
insert into zone_dong (district, dong, zone) values
    ('mapo', 'sangam', 'north'), ('mapo', 'seongsan1', 'north'), ('mapo', 'seongsan2', 'north'),
    ('mapo', 'mangwon1', 'north'), ('mapo', 'mangwon2', 'north'), ('mapo', 'yeonnam', 'north'),
    ('mapo', 'seogyo', 'central'), ('mapo', 'hapjeong', 'central'), ('mapo', 'seogang', 'central'),
    ('mapo', 'sinsu', 'central'), ('mapo', 'daeheung', 'central'),
    ('mapo', 'ahyeon', 'south'), ('mapo', 'gongdeok', 'south'), ('mapo', 'dohwa', 'south'),
    ('mapo', 'yonggang', 'south'), ('mapo', 'yeomni', 'south')
on conflict (district, dong) do update set zone = excluded.zone;

insert into provider (id, name, kind, district, last_resort) values
    ('mapo-homecare-coop', '마포돌봄사회적협동조합', 'SOCIAL_COOPERATIVE', 'mapo', false),
    ('mapo-neulbom-care', '늘봄재가 사회적기업', 'SOCIAL_ENTERPRISE', 'mapo', false),
    ('mapo-meal-jahwal', '마포지역자활센터 반찬사업단', 'SELF_SUFFICIENCY_CENTRE', 'mapo', false),
    ('mapo-banchan-coop', '성미산밑반찬협동조합', 'SOCIAL_COOPERATIVE', 'mapo', false),
    ('mapo-dongheng-mobility', '동행이동지원협동조합', 'SOCIAL_COOPERATIVE', 'mapo', false),
    ('mapo-house-repair', '마포집수리 사회적기업', 'SOCIAL_ENTERPRISE', 'mapo', false),
    ('mapo-public-homecare', '서울시사회서비스원 마포종합재가센터', 'PUBLIC_HOME_CARE_CENTRE', 'mapo', true)
on conflict (id) do update set name = excluded.name, kind = excluded.kind, district = excluded.district,
                               last_resort = excluded.last_resort;

insert into provider_zone (provider_id, zone) values
    ('mapo-homecare-coop', 'north'), ('mapo-homecare-coop', 'central'),
    ('mapo-neulbom-care', 'central'), ('mapo-neulbom-care', 'south'),
    ('mapo-meal-jahwal', 'north'), ('mapo-meal-jahwal', 'central'), ('mapo-meal-jahwal', 'south'),
    ('mapo-banchan-coop', 'north'),
    ('mapo-dongheng-mobility', 'north'), ('mapo-dongheng-mobility', 'central'), ('mapo-dongheng-mobility', 'south'),
    ('mapo-house-repair', 'north'), ('mapo-house-repair', 'central'), ('mapo-house-repair', 'south'),
    ('mapo-public-homecare', 'north'), ('mapo-public-homecare', 'central'), ('mapo-public-homecare', 'south')
on conflict do nothing;

-- The public centre's capacity is what it plans for; as provider of last resort it takes lines beyond it.
insert into provider_service (provider_id, service_type, capacity) values
    ('mapo-homecare-coop', 'TEMPORARY_HOME_CARE', 40),
    ('mapo-homecare-coop', 'MOBILITY_SUPPORT', 15),
    ('mapo-neulbom-care', 'TEMPORARY_HOME_CARE', 30),
    ('mapo-meal-jahwal', 'MEAL_SUPPORT', 120),
    ('mapo-banchan-coop', 'MEAL_SUPPORT', 60),
    ('mapo-dongheng-mobility', 'MOBILITY_SUPPORT', 30),
    ('mapo-house-repair', 'HOUSING_REPAIR', 20),
    ('mapo-public-homecare', 'TEMPORARY_HOME_CARE', 500),
    ('mapo-public-homecare', 'MOBILITY_SUPPORT', 500),
    ('mapo-public-homecare', 'MEAL_SUPPORT', 500),
    ('mapo-public-homecare', 'HOUSING_REPAIR', 500)
on conflict (provider_id, service_type) do update set capacity = excluded.capacity;

-- 권역별 책임기업: each zone's lead member, preferred among members otherwise equal.
update provider_zone set lead = (provider_id, zone) in (
    ('mapo-homecare-coop', 'north'), ('mapo-meal-jahwal', 'central'), ('mapo-neulbom-care', 'south'))
where provider_id like 'mapo-%';

-- The consortium's agreement with the district (협약), from the start of the demo year and open-ended.
insert into provider_contract_change (provider_id, effective_on, under_contract, recorded_by, reason)
select p.id, date '2026-01-01', true, 'demo data', '마포구 통합돌봄 컨소시엄 협약'
from provider p
where p.district = 'mapo' and not p.last_resort
  and not exists (select 1 from provider_contract_change c where c.provider_id = p.id);
