-- The ops view counts the deliveries that wait for the window now (검증 보류), in every month: on each change of the
-- read models, so by an index of the few held ones rather than a scan of every delivery.
create index delivery_state_held on kpi.delivery_state (district) where state = 'HELD';
