-- The order's life beyond assignment: holds, cancellation, completion, and optimistic versions for the changes
-- care managers and the window make (If-Match).
alter table care_order add column version         int  not null default 1 check (version >= 1);
alter table care_order add column hold_resumes_to text;
alter table care_order add column hold_reason     text;
alter table care_order add column hold_from       date;
alter table care_order add column hold_resume_on  date;
alter table care_order add column cancel_reason   text;
alter table care_order add column closed_on       date;
alter table care_order add constraint care_order_hold_kept
    check ((status = 'ON_HOLD') = (hold_reason is not null and hold_from is not null and hold_resumes_to is not null));
alter table care_order add constraint care_order_cancel_kept
    check ((status = 'CANCELLED') = (cancel_reason is not null));

-- Who made the change (a token's subject; null for the service itself: an assignment heard, a sweep).
alter table care_order_history add column actor text;

create index care_order_open_by_district on care_order (district, status) where status in ('PLACED', 'ASSIGNED', 'ON_HOLD');
