-- 계획 승인 전: placed orders that are not urgent wait here, as placed, until the care manager approves their plan;
-- then their lines are matched as the plan narrowed them, and the row goes.
create table pending_placement (
    care_order_id uuid        primary key,
    placed        jsonb       not null,
    received_at   timestamptz not null
);
