{{/*
What the code fixes, not configuration: each service's name (= Spring application name = Kafka consumer group),
its database, the streams it alone writes and those it consumes. Mirrors care-events CareTopics and the
services' *Subscription classes; the chart's build test reads those sources and fails when they drift apart.
*/}}
{{- define "dolbom.topology" -}}
intake:
  name: intake-service
  database: intake
  produces: [care.orders.v1]
  consumes: [care.assignments.v1, care.deliveries.v1]
  lagScaling: false
matching:
  name: matching-service
  database: matching
  produces: [care.assignments.v1, care.deliveries.v1]
  consumes: [care.orders.v1]
  lagScaling: true
billing:
  name: billing-service
  database: billing
  produces: [care.charges.v1]
  consumes: [care.orders.v1, care.deliveries.v1]
  lagScaling: true
reporting:
  name: reporting-service
  database: reporting
  produces: []
  consumes: [care.orders.v1, care.assignments.v1, care.deliveries.v1, care.charges.v1]
  lagScaling: true
{{- end -}}

{{/* The care streams, in CareTopics.ALL order. */}}
{{- define "dolbom.careTopics" -}}
[care.orders.v1, care.assignments.v1, care.deliveries.v1, care.charges.v1]
{{- end -}}

{{/* The service keys in a fixed order. */}}
{{- define "dolbom.serviceKeys" -}}
[intake, matching, billing, reporting]
{{- end -}}
