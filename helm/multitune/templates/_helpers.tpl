{{/* Chart name. */}}
{{- define "multitune.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name: the prefix of every resource (room left for the longest service suffix). */}}
{{- define "multitune.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 48 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 48 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 48 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "multitune.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "multitune.selectorLabels" -}}
app.kubernetes.io/name: {{ include "multitune.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "multitune.labels" -}}
helm.sh/chart: {{ include "multitune.chart" . }}
{{ include "multitune.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: multitune
{{- end -}}

{{- define "multitune.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "multitune.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
The five services, in pipeline order. Fixed facts of the code, not values:
  key      the values key of the service
  name     the service (component label, resource suffix, image name)
  prefix   the env prefix of its @ConfigMapping (multitune.<prefix>.* -> MULTITUNE_<PREFIX>_*)
  artifacts whether it mounts the artifact root
*/}}
{{- define "multitune.services" -}}
- {key: dataIngest, name: data-ingest, prefix: INGEST, artifacts: false}
- {key: sampler, name: sampler, prefix: SAMPLER, artifacts: false}
- {key: trainer, name: trainer, prefix: TRAINER, artifacts: true}
- {key: evaluator, name: evaluator, prefix: EVALUATOR, artifacts: true}
- {key: biasAuditor, name: bias-auditor, prefix: AUDITOR, artifacts: true}
{{- end -}}

{{/* Every topic of DESIGN.md (names equal io.multitune.events.Topics). */}}
{{- define "multitune.topics" -}}
- multitune.data.raw
- multitune.data.dlq
- multitune.examples
- multitune.datasets
- multitune.runs
- multitune.batches
- multitune.jobs
- multitune.training
- multitune.evaluations
- multitune.audits
{{- end -}}

{{/* Image of one service: dict "root" $ "name" <service>. */}}
{{- define "multitune.image" -}}
{{- $img := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $img.tag -}}
{{- if $img.registry -}}
{{- printf "%s/%s/%s:%s" $img.registry $img.repositoryPrefix .name $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" $img.repositoryPrefix .name $tag -}}
{{- end -}}
{{- end -}}

{{- define "multitune.artifactClaim" -}}
{{- if .Values.artifacts.persistence.existingClaim -}}
{{- .Values.artifacts.persistence.existingClaim -}}
{{- else -}}
{{- printf "%s-artifacts" (include "multitune.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "multitune.kafkaTls" -}}
{{- if has .Values.kafka.securityProtocol (list "SSL" "SASL_SSL") }}true{{ end -}}
{{- end -}}

{{- define "multitune.kafkaSasl" -}}
{{- if has .Values.kafka.securityProtocol (list "SASL_PLAINTEXT" "SASL_SSL") }}true{{ end -}}
{{- end -}}
