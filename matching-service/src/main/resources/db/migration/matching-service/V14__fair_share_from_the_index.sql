-- 공정 배분 counts the month's lines of the service in the district by provider on every offer (linesAssignedIn).
-- With provider_id in the index that count is an index-only scan: in the benchmark's month of 4,000 lines of one
-- service, 3.4 ms instead of 25 ms (a heap of updated rows read row by row). It still reads the month's lines; a
-- counter per provider and month would read one row (README, Benchmark).
create index line_assignment_by_district_month_provider on line_assignment (district, service_type, assigned_on)
    include (provider_id);
drop index line_assignment_by_district_month;
