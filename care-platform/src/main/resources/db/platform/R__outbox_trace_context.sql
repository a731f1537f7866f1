-- The W3C traceparent of the request or event that caused each outbox event, published as its Kafka header.
-- Repeatable, so that it runs after every service's own versioned migrations, old databases included.
alter table outbox_event add column if not exists traceparent text;
