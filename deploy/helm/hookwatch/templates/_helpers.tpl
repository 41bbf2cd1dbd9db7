{{- define "hookwatch.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}{{ .Release.Name | trunc 63 | trimSuffix "-" }}{{- else -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- end -}}

{{- define "hookwatch.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "hookwatch.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{ include "hookwatch.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.region }}
hookwatch.dev/region: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* The common labels plus `release`, which kube-prometheus-stack selects monitors and rules by. */}}
{{- define "hookwatch.monitorLabels" -}}
{{ include "hookwatch.labels" . }}
{{- with .Values.releaseLabel }}
release: {{ . | quote }}
{{- end }}
{{- end -}}

{{- define "hookwatch.image" -}}
{{ printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end -}}

{{- define "hookwatch.configMapName" -}}
{{- .Values.existingConfigMap | default (printf "%s-config" (include "hookwatch.fullname" .)) -}}
{{- end -}}

{{/* The config text: inline `config`, else files/hookwatch.yaml; `region` replaces prober.region. */}}
{{- define "hookwatch.config" -}}
{{- $text := .Values.config | default (.Files.Get "files/hookwatch.yaml") -}}
{{- if .Values.region -}}
{{- $cfg := fromYaml $text -}}
{{- $prober := $cfg.prober | default dict -}}
{{- $_ := set $prober "region" .Values.region -}}
{{- $_ := set $cfg "prober" $prober -}}
{{- toYaml $cfg -}}
{{- else -}}
{{- $text -}}
{{- end -}}
{{- end -}}

{{/* Pod spec parts both components share. */}}
{{- define "hookwatch.podCommon" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end -}}

{{- define "hookwatch.probes" -}}
livenessProbe:
  httpGet: { path: /-/healthy, port: http }
  {{- toYaml .Values.livenessProbe | nindent 2 }}
readinessProbe:
  httpGet: { path: /-/ready, port: http }
  {{- toYaml .Values.readinessProbe | nindent 2 }}
{{- end -}}

{{- define "hookwatch.commonMounts" -}}
- name: config
  mountPath: /etc/hookwatch
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- if .Values.secrets.existingSecret }}
- name: secrets
  mountPath: {{ .Values.secrets.mountPath }}
  readOnly: true
{{- end }}
{{- range .Values.extraSecretMounts }}
- name: {{ .name }}
  mountPath: {{ .mountPath }}
  readOnly: true
{{- end }}
{{- end -}}

{{- define "hookwatch.commonVolumes" -}}
- name: config
  configMap:
    name: {{ include "hookwatch.configMapName" . }}
- name: tmp
  emptyDir: {}
{{- if .Values.secrets.existingSecret }}
- name: secrets
  secret:
    secretName: {{ .Values.secrets.existingSecret }}
{{- end }}
{{- range .Values.extraSecretMounts }}
- name: {{ .name }}
  secret:
    secretName: {{ .secretName }}
{{- end }}
{{- end -}}
