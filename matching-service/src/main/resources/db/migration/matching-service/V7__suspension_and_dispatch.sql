-- 제공기관 정지: a suspended member is offered nothing until it is resumed; the window says why.
alter table provider add column suspended_at timestamptz;
alter table provider add column suspension_reason text;
alter table provider add constraint provider_suspension_says_why
    check ((suspended_at is null) = (suspension_reason is null));

-- Who dispatched a line by hand (수동 배정), and why; null for lines that went by offer or as last resort.
alter table line_assignment add column dispatched_by text;
alter table line_assignment add column dispatch_reason text;
