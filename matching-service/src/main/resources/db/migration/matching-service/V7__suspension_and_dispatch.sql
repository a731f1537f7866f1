-- 제공기관 정지: a suspended member is offered nothing until it is resumed; the window says why.
alter table provider add column suspended_at timestamptz;
alter table provider add column suspension_reason text;
alter table provider add constraint provider_suspension_says_why
    check ((suspended_at is null) = (suspension_reason is null));

-- Who dispatched a line by hand (수동 배정), and why; null for lines that went by offer or as last resort.
alter table line_assignment add column dispatched_by text;
alter table line_assignment add column dispatch_reason text;

-- 명부 변경 이력: every change of a member's capacity or agreed share, dated, with who made it and why; the current
-- values stay in provider_service.
create table provider_service_change (
    provider_id  text        not null references provider (id),
    service_type text        not null,
    capacity     int         not null,
    agreed_share int         not null,
    changed_at   timestamptz not null default clock_timestamp(),
    changed_by   text        not null,
    reason       text        not null,
    primary key (provider_id, service_type, changed_at)
);

-- 권역 주관기관: the member that leads a zone, preferred among equals (after continuity and fair share).
alter table provider_zone add column lead boolean not null default false;
