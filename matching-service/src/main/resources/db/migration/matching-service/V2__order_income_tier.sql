-- The income tier intake last confirmed for an order (OrderIncomeTierChanged). The order's lines carry it
-- on to every delivery; it is kept per order too, so that a line matched only later (an OrderPlaced replayed
-- from the dead-letter topic) starts from the confirmed tier rather than the one the order was placed with.
create table order_income_tier (
    care_order_id uuid primary key,
    income_tier   text not null,
    effective_on  date not null
);
