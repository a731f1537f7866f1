-- The window's work list sorts by priority (Priority.rank(): 0 urgent, 1 low-income first, 2 routine), then by
-- the day of the request, then by id, so that a cursor is stable.
alter table care_order add column priority_rank int;
update care_order set priority_rank = case when urgent then 0 when income_tier = 'GENERAL' then 2 else 1 end;
alter table care_order alter column priority_rank set not null;

create index care_order_work_list on care_order (district, priority_rank, requested_on, id);

-- The rule that decided eligibility, with the facts it read (null for orders decided before it was kept).
alter table care_order add column eligibility_rule text;
