/**
 * Notification templates, written to `alertmanager/templates/hookwatch.tmpl`
 * and loaded by the generated alertmanager.yml (`templates: [templates/*.tmpl]`).
 * Go text/template as Alertmanager 0.25 runs it; every receiver uses these
 * names so Slack, PagerDuty, email and OpsGenie say the same thing.
 */
export const TEMPLATE_FILE = 'hookwatch.tmpl';

/** Template names, referenced from receivers as `{{ template "<name>" . }}`. */
export const TEMPLATES = {
  title: 'hookwatch.title',
  text: 'hookwatch.text',
  severity: 'hookwatch.severity',
  priority: 'hookwatch.opsgenie.priority',
  runbook: 'hookwatch.runbook',
  dashboard: 'hookwatch.dashboard',
} as const;

export const use = (name: (typeof TEMPLATES)[keyof typeof TEMPLATES]): string => `{{ template "${name}" . }}`;

export const TEMPLATE_TEXT = `{{/* Groups are per endpoint, so a group may hold several alerts: each name once (alerts arrive sorted by labels, alertname first). */}}
{{ define "${TEMPLATES.title}" }}[{{ .Status | toUpper }}{{ if eq .Status "firing" }}:{{ .Alerts.Firing | len }}{{ end }}] {{ if .CommonLabels.alertname }}{{ .CommonLabels.alertname }}{{ else }}{{ $prev := "" }}{{ range .Alerts }}{{ if ne .Labels.alertname $prev }}{{ if $prev }}, {{ end }}{{ .Labels.alertname }}{{ $prev = .Labels.alertname }}{{ end }}{{ end }}{{ end }}{{ if .CommonLabels.endpoint }} ({{ .CommonLabels.endpoint }}){{ end }}{{ end }}

{{/* One block per alert: summary, severity, description, then the links. */}}
{{ define "${TEMPLATES.text}" }}{{ range .Alerts }}*{{ .Annotations.summary }}* ({{ .Labels.severity }}{{ if .Labels.condition }}, {{ .Labels.condition }}{{ end }}{{ if eq .Status "resolved" }}, resolved{{ end }})
{{ .Annotations.description }}
{{ if .Annotations.runbook_url }}Runbook: {{ .Annotations.runbook_url }}
{{ end }}{{ if .Annotations.dashboard_url }}Dashboard: {{ .Annotations.dashboard_url }}
{{ end }}
{{ end }}{{ end }}

{{/* The highest severity in the group; PagerDuty accepts critical, error, warning and info. */}}
{{ define "${TEMPLATES.severity}" }}{{ $s := "info" }}{{ range .Alerts.Firing }}{{ if eq .Labels.severity "critical" }}{{ $s = "critical" }}{{ else if and (eq .Labels.severity "warning") (ne $s "critical") }}{{ $s = "warning" }}{{ end }}{{ end }}{{ $s }}{{ end }}

{{ define "${TEMPLATES.priority}" }}{{ $p := "P5" }}{{ range .Alerts.Firing }}{{ if eq .Labels.severity "critical" }}{{ $p = "P1" }}{{ else if and (eq .Labels.severity "warning") (ne $p "P1") }}{{ $p = "P3" }}{{ end }}{{ end }}{{ $p }}{{ end }}

{{ define "${TEMPLATES.runbook}" }}{{ (index .Alerts 0).Annotations.runbook_url }}{{ end }}

{{ define "${TEMPLATES.dashboard}" }}{{ (index .Alerts 0).Annotations.dashboard_url }}{{ end }}
`;
