-- A line's deliveries by day, whatever their kind: the week's visits counted against the plan (visitsCountedInWeek)
-- has no start_time condition, so neither partial index of V8 serves it, and it read every delivery of every line:
-- rows per visit reported grew with all the deliveries ever made (the benchmark's "rows read per order").
create index delivery_by_line on delivery (line_id, service_date);
