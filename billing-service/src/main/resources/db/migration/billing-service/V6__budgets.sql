-- 예산: a program's (service's) budget of a district and year. Setting it adds a version; no version is ever edited,
-- and each says who set it, when and on what basis. The budget in force is the latest version.
create table budget (
    budget_id     uuid        not null, -- the same for every version of the district's program and year
    district      text        not null,
    year          int         not null check (year between 2000 and 2099),
    service_type  text        not null,
    version       int         not null check (version >= 1),
    amount        bigint      not null check (amount between 1 and 1000000000000),
    basis         text        not null check (length(basis) between 1 and 200),
    set_by        text        not null,
    set_as_role   text        not null,
    set_at        timestamptz not null,
    primary key (district, year, service_type, version)
);

-- What the year's charges of a program cost, kept as each charge is recorded (a charge counts in the year of its
-- delivery day, whatever month settles it): public_share is what the budget pays, amount what the providers earn.
-- Its row is the lock under which one charge at a time, or the setting of a budget, compares spending with the
-- budget, so that a threshold is crossed by exactly one charge.
create table program_spend (
    district     text   not null,
    year         int    not null,
    service_type text   not null,
    charges      bigint not null default 0 check (charges >= 0),
    amount       bigint not null default 0 check (amount >= 0),
    public_share bigint not null default 0 check (public_share between 0 and amount),
    primary key (district, year, service_type)
);

-- The charges recorded before budgets existed count too.
insert into program_spend (district, year, service_type, charges, amount, public_share)
select district, extract(year from service_date)::int, service_type, count(*), sum(amount), sum(public_share)
from charge
group by district, extract(year from service_date)::int, service_type;

-- 80 % and 100 % of a budget version, each announced once (BudgetThresholdReached through the outbox, in the
-- transaction that recorded it here): the primary key is the "once".
create table budget_threshold (
    district     text        not null,
    year         int         not null,
    service_type text        not null,
    version      int         not null,
    threshold    int         not null check (threshold between 1 and 100),
    spent        bigint      not null,
    charge_id    uuid, -- null: reached when the version was set
    reached_at   timestamptz not null,
    primary key (district, year, service_type, version, threshold),
    foreign key (district, year, service_type, version) references budget (district, year, service_type, version)
);
