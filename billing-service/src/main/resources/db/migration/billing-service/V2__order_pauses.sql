-- Holds (보류) and ends (취소, 종결) of orders as intake announced them: a delivery dated inside a hold or from the
-- end on is not charged (refused, and so dead-lettered with the reason for the district to look into).
create table order_pause (
    care_order_id uuid not null,
    paused_from   date not null,
    resumed_on    date,
    reason        text not null,
    primary key (care_order_id, paused_from),
    check (resumed_on is null or resumed_on >= paused_from)
);

create table order_end (
    care_order_id uuid primary key,
    ended_on      date not null,
    reason        text not null -- a CancelReason, or COMPLETED
);
