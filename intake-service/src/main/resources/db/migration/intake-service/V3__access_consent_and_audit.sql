-- Who sent each request: an agency may read the status of its own referrals and no one else's.
alter table care_order add column submitted_by text;

-- Consent to share contact details (name, phone, address) with the provider that visits (개인정보 제3자 제공 동의).
alter table resident add column contact_consent    boolean not null default false;
alter table resident add column contact_consent_at timestamptz;

-- A rejected applicant's name, phone and address are erased once the appeal period has passed; what the decision
-- rested on (birth date, dong, disability, income tier) stays, so that an appeal can still be decided.
alter table resident alter column name drop not null;
alter table resident alter column phone drop not null;
alter table resident alter column address drop not null;
alter table resident add column erased_at timestamptz;
alter table resident add constraint resident_personal_data_kept
    check (erased_at is not null or (name is not null and phone is not null and address is not null));
alter table resident_version alter column address drop not null;

-- Every read of a resident's personal data: which fields, by whom in which role, for what, when.
create table personal_data_read (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    resident_id uuid        not null references resident (id),
    district    text        not null,
    caller      text        not null,
    caller_role text        not null,
    fields      text[]      not null check (cardinality(fields) > 0),
    purpose     text        not null
);

create index personal_data_read_by_resident on personal_data_read (district, resident_id, at desc);
create index personal_data_read_by_caller on personal_data_read (district, caller, at desc);

create function personal_data_read_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the record of personal-data reads is append-only';
end
$$;

create trigger personal_data_read_no_update_or_delete
    before update or delete on personal_data_read
    for each row execute function personal_data_read_is_append_only();

create trigger personal_data_read_no_truncate
    before truncate on personal_data_read
    for each statement execute function personal_data_read_is_append_only();
