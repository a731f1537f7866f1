-- 재배정: a line that had its provider moves to another (the window's hand, a hand-back taken over by the zone's lead
-- or the public centre, a suspension). The line keeps one row in line_assignment, now in the new provider's hands,
-- with its count of deliveries; each move is kept here, never updated.
create table line_reassignment (
    line_id          uuid        not null references line_assignment (line_id),
    moved_at         timestamptz not null default clock_timestamp(),
    from_provider_id text        not null references provider (id),
    to_provider_id   text        not null references provider (id) check (to_provider_id <> from_provider_id),
    cause            text        not null check (cause in ('BY_WINDOW', 'HANDED_BACK', 'PROVIDER_SUSPENDED')),
    -- the window's subject for BY_WINDOW and PROVIDER_SUSPENDED, the provider's for HANDED_BACK
    moved_by         text        not null,
    reason           text        not null check (length(reason) between 1 and 500),
    -- the provider's own reason when it handed the line back (a DeclineReason)
    hand_back_reason text,
    -- visits or units delivered before the move: they stay the first provider's
    delivered_before int         not null check (delivered_before >= 0),
    primary key (line_id, moved_at)
);

create index line_reassignment_by_provider on line_reassignment (from_provider_id, moved_at);
