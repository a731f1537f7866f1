-- 긴급 우선 연계: the consumer that hears a line became matchable (its order placed urgent, or its plan approved) only
-- queues it; the dispatcher makes the first offers, urgent lines first, then the longest queued, and takes a line out
-- of the queue in the transaction of its offer. The queue is the waiting lines themselves, so whatever drops or parks
-- a waiting line (a cancellation, a hold, a dispatch by hand) takes it out of the queue too.
alter table line_offering
    -- when the line became matchable, while it waits for its first offer; null once it is made, or while parked
    add column queued_since timestamptz,
    -- the trace of the event that made it matchable, which its first offer goes on
    add column traceparent  text;

-- The dispatcher reads the queue in its order: select … order by urgent desc, queued_since, line_id limit n
-- for update skip locked.
create index line_offering_queue on line_offering (urgent desc, queued_since, line_id) where queued_since is not null;
