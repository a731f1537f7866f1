-- 월 정산: one settlement per district, provider and month, DRAFT → SUBMITTED → APPROVED → PAID. A draft takes the
-- charges of its month, and as adjustments the late charges of the provider's months that take no more lines
-- (submitted, approved or paid). An approved or paid month is closed: its row and its lines never change again.
create table settlement (
    id                      uuid   primary key,
    district                text   not null,
    provider_id             text   not null,
    month                   date   not null check (extract(day from month) = 1), -- its first day
    state                   text   not null check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'PAID')),
    version                 int    not null check (version >= 1), -- the ETag: grows with each line and each change
    -- running totals of its lines (the charges whose settlement_month is this month), adjustments included
    lines                   bigint not null default 0 check (lines >= 0),
    amount                  bigint not null default 0 check (amount >= 0),
    public_share            bigint not null default 0 check (public_share >= 0),
    co_payment              bigint not null default 0 check (co_payment >= 0),
    -- of those, the late charges of earlier months
    adjustment_lines        bigint not null default 0 check (adjustment_lines between 0 and lines),
    adjustment_amount       bigint not null default 0 check (adjustment_amount between 0 and amount),
    adjustment_public_share bigint not null default 0 check (adjustment_public_share between 0 and public_share),
    adjustment_co_payment   bigint not null default 0 check (adjustment_co_payment between 0 and co_payment),
    approved_on             date,
    payment_reference       text check (length(payment_reference) between 1 and 100),
    paid_on                 date,
    unique (district, provider_id, month),
    constraint settlement_adds_up check (public_share + co_payment = amount),
    constraint settlement_adjustments_add_up
        check (adjustment_public_share + adjustment_co_payment = adjustment_amount),
    constraint settlement_closed_when_approved check ((state in ('APPROVED', 'PAID')) = (approved_on is not null)),
    constraint settlement_paid_with_reference
        check ((state = 'PAID') = (payment_reference is not null and paid_on is not null)),
    constraint settlement_after_its_month
        check (approved_on >= month + interval '1 month' and paid_on >= approved_on)
);

-- Who moved a settlement to which state, and when; actor and role are null when billing opened a draft itself.
create table settlement_history (
    settlement_id uuid        not null references settlement (id),
    version       int         not null,
    state         text        not null,
    actor         text,
    role          text,
    at            timestamptz not null,
    note          text        not null,
    primary key (settlement_id, version)
);

-- The month whose settlement counts a charge: its delivery's month, or a later one for an adjustment.
alter table charge add column settlement_month date;
update charge set settlement_month = service_date - (extract(day from service_date)::int - 1);
alter table charge alter column settlement_month set not null;
alter table charge add constraint charge_settles_in_or_after_its_month
    check (extract(day from settlement_month) = 1
           and settlement_month >= service_date - (extract(day from service_date)::int - 1));
create index charge_by_settlement on charge (district, provider_id, settlement_month);

-- The charges recorded before settlements had states are drafts of their months.
insert into settlement (id, district, provider_id, month, state, version, lines, amount, public_share, co_payment)
select gen_random_uuid(), district, provider_id, settlement_month, 'DRAFT', 1, count(*), sum(amount), sum(public_share),
       sum(co_payment)
from charge
group by district, provider_id, settlement_month;
insert into settlement_history (settlement_id, version, state, at, note)
select id, 1, 'DRAFT', now(), 'opened from the charges recorded before settlements had states'
from settlement;

-- A closed settlement never changes: the one change left to an approved month is its payment, totals untouched.
create function settlement_closed_is_final() returns trigger language plpgsql as $$
begin
    if old.state in ('APPROVED', 'PAID') then
        if tg_op = 'UPDATE' and old.state = 'APPROVED' and new.state = 'PAID'
           and (new.id, new.district, new.provider_id, new.month, new.lines, new.amount, new.public_share,
                new.co_payment, new.adjustment_lines, new.adjustment_amount, new.adjustment_public_share,
                new.adjustment_co_payment, new.approved_on)
               is not distinct from
               (old.id, old.district, old.provider_id, old.month, old.lines, old.amount, old.public_share,
                old.co_payment, old.adjustment_lines, old.adjustment_amount, old.adjustment_public_share,
                old.adjustment_co_payment, old.approved_on) then
            return new;
        end if;
        raise exception 'the settlement of % for % in % is % and closed: it never changes',
            old.provider_id, to_char(old.month, 'YYYY-MM'), old.district, old.state;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger settlement_closed_never_changes
    before update or delete on settlement
    for each row execute function settlement_closed_is_final();

-- Nor do its lines: no charge is added to a closed month, and none counted in one is changed, moved or removed.
create function charge_in_closed_month(line charge) returns boolean language sql stable as $$
    select exists (select 1 from settlement
                   where district = line.district and provider_id = line.provider_id
                     and month = line.settlement_month and state in ('APPROVED', 'PAID'))
$$;

create function charge_of_closed_month_is_final() returns trigger language plpgsql as $$
begin
    if (tg_op in ('UPDATE', 'DELETE') and charge_in_closed_month(old))
       or (tg_op in ('INSERT', 'UPDATE') and charge_in_closed_month(new)) then
        raise exception 'charge % counts in a closed settlement: the charges of a closed month never change',
            case when tg_op = 'DELETE' then old.id else new.id end;
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger charge_of_closed_month_never_changes
    before insert or update or delete on charge
    for each row execute function charge_of_closed_month_is_final();
