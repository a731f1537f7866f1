-- 연계 제안: a line is offered to one member at a time; the member accepts or declines, and silence past the deadline
-- counts as a decline. Only an accepted line (or one the public centre takes) becomes a line_assignment.

-- The lines waiting for a member's yes, as placed (an OrderPlaced of that one line) with the tier they go out with.
-- Parked while the order is on hold: no offer goes out until it resumes.
create table line_offering (
    line_id       uuid        primary key,
    care_order_id uuid        not null,
    placed        jsonb       not null,
    income_tier   text        not null,
    urgent        boolean     not null,
    parked        boolean     not null default false,
    received_at   timestamptz not null default clock_timestamp(),
    -- an approved care plan that ends the line earlier than placed, while the line still waits
    plan_ends_on  date,
    -- set when neither a member nor the public centre could take the line: the window must dispatch it by hand
    unplaced      text
);

create index line_offering_by_order on line_offering (care_order_id);

create table line_offer (
    offer_id      uuid        primary key,
    line_id       uuid        not null,
    care_order_id uuid        not null,
    provider_id   text        not null references provider (id),
    service_type  text        not null,
    district      text        not null,
    dong          text        not null,
    urgent        boolean     not null,
    round         int         not null check (round > 0),
    offered_at    timestamptz not null,
    answer_by     timestamptz not null check (answer_by > offered_at),
    status        text        not null default 'OPEN'
                  check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN')),
    answered_at   timestamptz,
    reason        text,
    note          text,
    -- the ranking the offer followed, as the line's explanation will show it
    explanation   jsonb       not null,
    check ((status = 'OPEN') = (answered_at is null))
);

-- One open offer per line: two offers of one line at once would be two providers holding its capacity.
create unique index line_offer_one_open on line_offer (line_id) where status = 'OPEN';
-- The deadline sweep reads the open offers by deadline.
create index line_offer_due on line_offer (answer_by) where status = 'OPEN';
create index line_offer_by_line on line_offer (line_id, round);
create index line_offer_open_by_provider on line_offer (provider_id, offered_at) where status = 'OPEN';
