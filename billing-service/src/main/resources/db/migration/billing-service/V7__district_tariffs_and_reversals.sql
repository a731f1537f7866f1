-- Tariffs of a district, added over REST by its billing officer, beside the city-wide ones (district null) of the
-- migrations and the configuration: the tariff of a delivery is the latest to take effect on or before its day, of
-- the city-wide rows and its district's own, the district's first on the same day (as funding rules).
alter table tariff add column district text;
alter table tariff add column recorded_by text; -- null for the rows of a migration or the configuration
alter table tariff add column recorded_as_role text;
alter table tariff add column recorded_at timestamptz not null default now();
alter table tariff drop constraint tariff_service_type_effective_from_key;
create unique index tariff_one_per_day on tariff (coalesce(district, ''), service_type, effective_from);
alter table tariff add constraint tariff_prices_positive
    check ((rate is null or rate > 0) and (unit_price is null or unit_price > 0));

-- Who changed the district's tariffs, as whom, when and what: one row per tariff added, never updated nor removed.
create table tariff_change (
    seq       bigint generated always as identity primary key,
    district  text        not null,
    tariff_id text        not null references tariff (id),
    actor     text        not null,
    role      text        not null,
    at        timestamptz not null,
    what      text        not null check (length(what) between 1 and 2000)
);
create index tariff_change_by_district on tariff_change (district, seq);

-- A tariff has priced deliveries from its day on: no row of it, of its bands or of the record of its change is ever
-- changed or removed; a new price is a new row.
create function tariff_is_final() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed nor removed: a new price is a new tariff row', tg_table_name;
end
$$;

create trigger tariff_never_changes before update or delete on tariff
    for each row execute function tariff_is_final();
create trigger tariff_band_never_changes before update or delete on tariff_band
    for each row execute function tariff_is_final();
create trigger tariff_change_never_changes before update or delete on tariff_change
    for each row execute function tariff_is_final();

-- 청구 취소: the reversal of a voided delivery's charge is a line of its own in the charge table, negative, naming the
-- charge it takes back (at most one reversal per charge) and copying its delivery, split and settlement basis; it
-- counts in the settlement_month it names like every line, so a month's lines still sum to its totals.
alter table charge add column reverses uuid unique references charge (id);
alter table charge drop constraint charge_delivery_id_key;
create unique index charge_one_per_delivery on charge (delivery_id) where reverses is null;
alter table charge drop constraint charge_amount_check;
alter table charge drop constraint charge_public_share_check;
alter table charge drop constraint charge_co_payment_check;
alter table charge add constraint charge_sign_of_its_kind
    check (case when reverses is null then amount >= 0 and public_share >= 0 and co_payment >= 0
                else amount <= 0 and public_share <= 0 and co_payment <= 0 end);

-- A void heard before the delivery it strikes out (or of one never charged): kept so that the delivery, should it
-- come, is not charged.
create table delivery_void (
    delivery_id uuid        primary key,
    reason      text        not null,
    voided_on   date        not null,
    recorded_at timestamptz not null default now()
);

-- A settlement's totals are the sums of its lines, reversals (negative) included, so the amount may be below zero
-- on its way; of them, the reversals booked in the month. Adjustments stay the late charges of closed months. A month
-- is submitted only while its reversals take back no more than its other lines add (checked by billing).
alter table settlement drop constraint settlement_amount_check;
alter table settlement drop constraint settlement_public_share_check;
alter table settlement drop constraint settlement_co_payment_check;
-- (V4's "adjustment_* between 0 and" the total, by the names PostgreSQL gave them)
alter table settlement drop constraint settlement_check1;
alter table settlement drop constraint settlement_check2;
alter table settlement drop constraint settlement_check3;
alter table settlement add column reversal_lines bigint not null default 0 check (reversal_lines >= 0);
alter table settlement add column reversal_amount bigint not null default 0 check (reversal_amount <= 0);
alter table settlement add column reversal_public_share bigint not null default 0 check (reversal_public_share <= 0);
alter table settlement add column reversal_co_payment bigint not null default 0 check (reversal_co_payment <= 0);
alter table settlement add constraint settlement_reversals_add_up
    check (reversal_public_share + reversal_co_payment = reversal_amount);
alter table settlement add constraint settlement_charges_cover_their_parts
    check (adjustment_lines + reversal_lines <= lines
           and adjustment_amount >= 0 and adjustment_public_share >= 0 and adjustment_co_payment >= 0
           and amount - reversal_amount >= adjustment_amount
           and public_share - reversal_public_share >= adjustment_public_share
           and co_payment - reversal_co_payment >= adjustment_co_payment);

-- The closed-month trigger compares the reversal totals too: an approved month's are as final as the rest.
create or replace function settlement_closed_is_final() returns trigger language plpgsql as $$
begin
    if old.state in ('APPROVED', 'PAID') then
        if tg_op = 'UPDATE' and old.state = 'APPROVED' and new.state = 'PAID'
           and (new.id, new.district, new.provider_id, new.month, new.lines, new.amount, new.public_share,
                new.co_payment, new.adjustment_lines, new.adjustment_amount, new.adjustment_public_share,
                new.adjustment_co_payment, new.reversal_lines, new.reversal_amount, new.reversal_public_share,
                new.reversal_co_payment, new.approved_on)
               is not distinct from
               (old.id, old.district, old.provider_id, old.month, old.lines, old.amount, old.public_share,
                old.co_payment, old.adjustment_lines, old.adjustment_amount, old.adjustment_public_share,
                old.adjustment_co_payment, old.reversal_lines, old.reversal_amount, old.reversal_public_share,
                old.reversal_co_payment, old.approved_on) then
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
