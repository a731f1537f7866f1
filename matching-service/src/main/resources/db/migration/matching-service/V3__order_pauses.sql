-- What intake says about an order's life after placement: holds (보류) and its end (취소, 종결). Deliveries dated
-- in a hold or from the end on are refused; a held or ended order's lines give their capacity back.
alter table line_assignment add column holds_capacity boolean not null default true;
update line_assignment set holds_capacity = false where delivered >= quantity;

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
