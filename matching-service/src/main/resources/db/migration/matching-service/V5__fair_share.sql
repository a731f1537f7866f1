-- 공정 배분: each member's agreed share of the consortium's work in a service, as a weight among the members it is
-- compared with (its share is its weight over the sum of theirs). 1 each: equal parts until the district agrees
-- otherwise.
alter table provider_service add column agreed_share int not null default 1 check (agreed_share > 0);

-- 연계 근거: why a line went where it went (the ranking matching used, or why the public centre took it as last
-- resort), as served to the window and care managers. Null for lines matched before it was kept.
alter table line_assignment add column explanation jsonb;

-- When within its day the line was assigned, so that "the latest earlier line" of a resident is exact for lines
-- assigned on one day; null for lines assigned before it was kept.
alter table line_assignment add column assigned_at timestamptz;
alter table line_assignment alter column assigned_at set default clock_timestamp();

-- 서비스 연속성: the resident's latest line of a service.
create index line_assignment_by_resident on line_assignment (resident_ref, service_type, assigned_on desc);
-- 공정 배분: the month's lines of a service in a district, counted per provider at every match.
create index line_assignment_by_district_month on line_assignment (district, service_type, assigned_on);
