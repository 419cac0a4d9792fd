{{/*
Names and labels shared by every template. Object names are kebab-case DNS labels of at most
63 characters; every object carries the app.kubernetes.io/* labels and helm.sh/chart.
*/}}

{{/* The chart's name: "safedrop" unless nameOverride says otherwise. */}}
{{- define "safedrop.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Prefix of every object name: "<release>-safedrop", or just the release name when it already
contains the chart name (release "safedrop" gives "safedrop", not "safedrop-safedrop").
*/}}
{{- define "safedrop.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "safedrop.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of the operator's objects (Deployment, RBAC, Lease...): "<fullname>-operator". */}}
{{- define "safedrop.operatorName" -}}
{{- printf "%s-operator" (include "safedrop.fullname" . | trunc 54 | trimSuffix "-") -}}
{{- end -}}

{{/* The operator's ServiceAccount. */}}
{{- define "safedrop.serviceAccountName" -}}
{{- default (include "safedrop.operatorName" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/* "safedrop-0.1.0", the value of helm.sh/chart. */}}
{{- define "safedrop.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Labels that select the operator's pods; never change them between releases (a Deployment's
selector is immutable).
*/}}
{{- define "safedrop.selectorLabels" -}}
app.kubernetes.io/name: {{ include "safedrop.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: operator
{{- end -}}

{{/*
The standard labels of every object, for a component ("operator", "crds"):
  include "safedrop.labels" (dict "context" $ "component" "operator")
commonLabels are added but never replace a standard label.
*/}}
{{- define "safedrop.labels" -}}
{{- $context := .context -}}
{{- $labels := dict
  "helm.sh/chart" (include "safedrop.chart" $context)
  "app.kubernetes.io/name" (include "safedrop.name" $context)
  "app.kubernetes.io/instance" $context.Release.Name
  "app.kubernetes.io/version" ($context.Chart.AppVersion | toString)
  "app.kubernetes.io/component" .component
  "app.kubernetes.io/part-of" "safedrop"
  "app.kubernetes.io/managed-by" $context.Release.Service -}}
{{- toYaml (merge $labels (deepCopy (default (dict) $context.Values.commonLabels))) -}}
{{- end -}}

{{/* The operator's labels, the common case of safedrop.labels. */}}
{{- define "safedrop.operatorLabels" -}}
{{- include "safedrop.labels" (dict "context" . "component" "operator") -}}
{{- end -}}

{{/* Leader election runs only when more than one operator pod could reconcile at once. */}}
{{- define "safedrop.leaderElection" -}}
{{- if gt (int .Values.replicas) 1 -}}true{{- else -}}false{{- end -}}
{{- end -}}

{{/* The image reference; the tag defaults to the chart's appVersion. */}}
{{- define "safedrop.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
