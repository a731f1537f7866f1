-- The read models move into a schema of their own, kpi, so that a rebuild can fill a shadow schema (kpi_rebuild)
-- from the topics and swap it in by renaming schemas in one transaction. The inbox goes with them: which events
-- a read model has counted is part of it, and a rebuilt kpi brings its own. The service reaches these tables by
-- their plain names through its connections' search_path (kpi, public); the outbox and Flyway's history stay in
-- public. A later migration of a read model names the schema (alter table kpi.order_month ...): Flyway runs with
-- public as its search path.
create schema kpi;

alter table order_month set schema kpi;
alter table line_month set schema kpi;
alter table delivery_month set schema kpi;
alter table resident_served set schema kpi;
alter table charge_district_month set schema kpi;
alter table charge_provider_month set schema kpi;
alter table order_change_month set schema kpi;
alter table order_start set schema kpi;
alter table service_line set schema kpi;
alter table processed_event set schema kpi;
