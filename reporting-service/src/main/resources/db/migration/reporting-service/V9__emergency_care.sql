-- 긴급돌봄: emergency-care users and service-days are the delivered services of urgent lines (service_line.urgent),
-- counted when asked from what each delivery gave: its line and, for a service given (not a paid absence), its day.
-- A count at query time, so that it does not depend on whether the line's order or its delivery was heard first
-- (a rebuild reads the topics side by side). Deliveries counted before this migration have no line here; a rebuild
-- counts them too.
alter table kpi.delivery_state
    add column line_id   uuid,
    add column served_on date;

create index delivery_state_by_line on kpi.delivery_state (line_id) where state = 'DELIVERED';
