-- 일시재가 minutes per resident and calendar year (of the visit's day): the public purse funds at most 60 hours.
create table care_hours_ledger (
    resident_ref uuid not null,
    year         int  not null,
    minutes      int  not null default 0 check (minutes >= 0),
    primary key (resident_ref, year)
);

-- How much of a visit lay beyond the cap (and so was charged to the resident).
alter table charge add column minutes_beyond_cap int not null default 0 check (minutes_beyond_cap >= 0);
