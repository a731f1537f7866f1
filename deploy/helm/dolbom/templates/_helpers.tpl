{{- define "dolbom.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "dolbom.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels of every resource but the instance (a service's selector labels carry it). */}}
{{- define "dolbom.baseLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/part-of: dolbom
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "dolbom.labels" -}}
{{ include "dolbom.baseLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* The facts of one service: dict root, key. */}}
{{- define "dolbom.topo" -}}
{{- index (include "dolbom.topology" .root | fromYaml) .key | toYaml -}}
{{- end -}}

{{/* Resource name of one service: <fullname>-<service>, e.g. dolbom-intake-service. dict root, key. */}}
{{- define "dolbom.serviceFullname" -}}
{{- $topo := include "dolbom.topo" . | fromYaml -}}
{{- printf "%s-%s" (include "dolbom.fullname" .root) $topo.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "dolbom.selectorLabels" -}}
{{- $topo := include "dolbom.topo" . | fromYaml -}}
app.kubernetes.io/name: {{ $topo.name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "dolbom.serviceLabels" -}}
{{ include "dolbom.baseLabels" .root }}
{{ include "dolbom.selectorLabels" . }}
app.kubernetes.io/component: care-service
{{- end -}}

{{- define "dolbom.image" -}}
{{- $topo := include "dolbom.topo" . | fromYaml -}}
{{- $image := .root.Values.image -}}
{{- $ref := printf "%s/%s/%s" $image.registry $image.repository $topo.name | trimPrefix "/" -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $ref $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $ref (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{/* ---- Kafka ---- */}}

{{- define "dolbom.kafka.cluster" -}}
{{- default (printf "%s-kafka" (include "dolbom.fullname" .)) .Values.kafka.clusterName -}}
{{- end -}}

{{- define "dolbom.kafka.namespace" -}}
{{- default .Release.Namespace .Values.kafka.namespace -}}
{{- end -}}

{{- define "dolbom.kafka.bootstrap" -}}
{{- if .Values.kafka.bootstrapServers -}}
{{- .Values.kafka.bootstrapServers -}}
{{- else -}}
{{- printf "%s-kafka-bootstrap.%s.svc:%v" (include "dolbom.kafka.cluster" .) (include "dolbom.kafka.namespace" .) .Values.kafka.listener.port -}}
{{- end -}}
{{- end -}}

{{- define "dolbom.kafka.caSecret" -}}
{{- default (printf "%s-cluster-ca-cert" (include "dolbom.kafka.cluster" .)) .Values.kafka.clusterCaSecret.name -}}
{{- end -}}

{{/* The Kafka principal of one service (the KafkaUser name). dict root, key. */}}
{{- define "dolbom.kafka.user" -}}
{{- $existing := index (default dict .root.Values.kafka.existingUsers) .key | default dict -}}
{{- if $existing.user -}}
{{- $existing.user -}}
{{- else -}}
{{- include "dolbom.serviceFullname" . -}}
{{- end -}}
{{- end -}}

{{/* The Secret with that principal's credentials (Strimzi: named as the KafkaUser). dict root, key. */}}
{{- define "dolbom.kafka.userSecret" -}}
{{- $existing := index (default dict .root.Values.kafka.existingUsers) .key | default dict -}}
{{- default (include "dolbom.kafka.user" .) $existing.secret -}}
{{- end -}}

{{/* ---- PostgreSQL ---- */}}

{{/* CNPG cluster name of one service. dict root, key. */}}
{{- define "dolbom.pg.cluster" -}}
{{- printf "%s-%s-db" (include "dolbom.fullname" .root) .key | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{/* Where one service's database is: host, port, database, secretName, usernameKey, passwordKey, to. */}}
{{- define "dolbom.pg.connection" -}}
{{- $topo := include "dolbom.topo" . | fromYaml -}}
{{- if .root.Values.postgres.create -}}
{{- $cluster := include "dolbom.pg.cluster" . -}}
host: {{ printf "%s-rw" $cluster }}
port: 5432
database: {{ $topo.database }}
secretName: {{ printf "%s-app" $cluster }}
usernameKey: username
passwordKey: password
to:
  - podSelector:
      matchLabels:
        cnpg.io/cluster: {{ $cluster }}
{{- else -}}
{{- $existing := index (default dict .root.Values.postgres.existing) .key | default dict -}}
host: {{ required (printf "postgres.existing.%s.host is required when postgres.create is false" .key) $existing.host }}
port: {{ default 5432 $existing.port }}
database: {{ default $topo.database $existing.database }}
secretName: {{ required (printf "postgres.existing.%s.secretName is required when postgres.create is false" .key) $existing.secretName }}
usernameKey: {{ default "username" $existing.usernameKey }}
passwordKey: {{ default "password" $existing.passwordKey }}
{{- if and .root.Values.networkPolicy.enabled (not $existing.to) }}
{{- fail (printf "postgres.existing.%s.to (NetworkPolicy peers of the database) is required when networkPolicy.enabled" .key) }}
{{- end }}
to: {{ toYaml (default list $existing.to) | nindent 2 }}
{{- end -}}
{{- end -}}

{{/* ---- checks of values that only make sense together ---- */}}
{{- define "dolbom.validate" -}}
{{- if not .Values.oidc.issuerUri -}}
{{- fail "oidc.issuerUri is required: the services accept only tokens of the city's OIDC issuer and refuse to start without one" -}}
{{- end -}}
{{- if and .Values.networkPolicy.enabled (not .Values.oidc.egress.to) -}}
{{- fail "oidc.egress.to is required when networkPolicy.enabled: the NetworkPolicy peers (ipBlock or selectors) of the OIDC issuer" -}}
{{- end -}}
{{- if and .Values.postgres.create .Values.postgres.backup.enabled (not .Values.postgres.backup.destinationPath) -}}
{{- fail "postgres.backup.destinationPath is required when postgres.create and postgres.backup.enabled (e.g. s3://dolbom-pg-backups)" -}}
{{- end -}}
{{- $root := . -}}
{{- range $key := include "dolbom.serviceKeys" . | fromYamlArray -}}
{{- $svc := index $root.Values.services $key -}}
{{- $topo := include "dolbom.topo" (dict "root" $root "key" $key) | fromYaml -}}
{{- if gt (int $svc.autoscaling.minReplicas) (int $svc.autoscaling.maxReplicas) -}}
{{- fail (printf "services.%s.autoscaling: minReplicas (%v) is above maxReplicas (%v)" $key $svc.autoscaling.minReplicas $svc.autoscaling.maxReplicas) -}}
{{- end -}}
{{- if and $topo.consumes (gt (int $svc.autoscaling.maxReplicas) (int $root.Values.kafka.topics.partitions)) -}}
{{- fail (printf "services.%s.autoscaling.maxReplicas (%v) is above kafka.topics.partitions (%v): the extra consumers would sit idle" $key $svc.autoscaling.maxReplicas $root.Values.kafka.topics.partitions) -}}
{{- end -}}
{{- end -}}
{{- end -}}
