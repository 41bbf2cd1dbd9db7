/**
 * The hand-written parts of docs/configuration.md: the opening, and each
 * section's introduction and example. Keys, types, defaults and
 * descriptions come from the schema (walk.ts); a test loads every example
 * with the real loader and checks that each key appears in one.
 */
import type { Section } from './render.js';
import { METRICS } from '../../catalog/index.js';

export const HEADER = `# hookwatch.yaml reference

<!-- Generated from config/schema/ by \`npm run docs\`; do not edit. test/unit/config/reference.test.ts fails when it is stale. -->

One YAML file configures every part of hookwatch. \`hookwatch check --config hookwatch.yaml\` validates
it; every problem is one line naming the file, line and column, the key, the value and what was expected.

- **Unknown keys are refused** at every level, so a misspelled key is an error, not a silent default.
- **Secrets** come from \`\${env:NAME}\` (anywhere in a string) or a \`*_file\` key; they never appear in logs,
  metrics, errors or generated files.
- **Relative paths** resolve against the config file's folder, as Prometheus does.
- **Durations** are written \`250ms\`, \`30s\`, \`5m\`, \`2h\` or \`1d\`.
- A key marked **required** must be given when its parent is; \`—\` means no default (the feature is off,
  or the behaviour the description names applies).

Each section's example is a fragment: together with an \`endpoints:\` list it is a whole file
(\`test/unit/config/reference.test.ts\` loads every one). The delivery-log record the exporter reads,
and how to map other logs onto it, is in [delivery-log.md](delivery-log.md).`;

export const SECTIONS: readonly Section[] = [
  {
    key: 'endpoints',
    intro: 'The webhook endpoints hookwatch watches. The prober probes each; the exporter counts log records under the endpoint whose `name` or `url` they carry; dashboards and alerts have one row or rule per endpoint.',
    examples: [`endpoints:
  - name: payments-primary
    url: https://primary.example.com/webhook
    health_url: https://primary.example.com/webhook-health
    events: [payment.received, subscription.created]
    signing:
      scheme: standard-webhooks
      secrets: ["\${env:NEW_SECRET}", "\${env:OLD_SECRET}"]   # rotation: every secret signs
      tolerance_seconds: 300
    slo: { success_ratio: 0.999, latency_p95_seconds: 2, exclude_maintenance: true }
    headers: { X-Probe: hookwatch }
    timeout_seconds: 5
    follow_redirects: false
    tls: { insecure_skip_verify: false, ca_file: /etc/ssl/internal-ca.pem, server_name: primary.internal }
    team: payments
    metrics: full                  # full detail here when prober.metrics is compact
    checks:
      delivery:
        interval: 30s
        method: POST
        body: '{"id":"{{id}}","type":"{{type}}","created":"{{iso_time}}"}'
        expect: { status: [2xx], body_contains: ok, json: { accepted: true }, degraded_after_seconds: 1, fail_after_seconds: 5 }
      health: { enabled: true, schedule: "*/10 * * * * *", timeout_seconds: 2 }
      signature_enforcement: { enabled: true, schedule: "0 * * * * *", expect: { status: [401, 403] } }
    alerts: { failure_rate: { threshold: 0.1 } }   # this endpoint only
  - name: stripe-events
    url: https://billing.example.com/stripe
    signing: { scheme: stripe, secret_file: secrets/stripe_whsec }
  - name: legacy-hooks
    url: https://legacy.example.com/hooks
    signing:
      scheme: hmac-sha256
      secret_files: [secrets/legacy_new, secrets/legacy_old]
      header: X-Legacy-Signature
      prefix: "sha256="
      encoding: base64
      template: "{id}.{timestamp}.{body}"
      timestamp_header: X-Legacy-Timestamp
      id_header: X-Legacy-Id
  - name: github-app
    url: https://ci.example.com/github
    signing: { scheme: github, secret: "\${env:GITHUB_WEBHOOK_SECRET}" }
`],
  },
  {
    key: 'prober',
    intro: 'The synthetic prober: when the checks of every endpoint run, and where its `/metrics` and status page are served. Run one prober per region with a different `region` for a quorum.',
    examples: [`prober:
  enabled: true                  # false: an exporter-only install
  region: eu-west-1
  schedule: "*/15 * * * * *"     # or interval: 45s
  timeout_seconds: 10
  listen: 127.0.0.1:9468
  body_limit_bytes: 65536
  user_agent: hookwatch-prober/0.1
  history_size: 1440
  history_memory_mib: 64         # the status history of every check together
`, `prober:
  interval: 45s                  # instead of schedule
`, `prober:
  metrics: compact               # fleets: at most 25 series per endpoint and check
`, `# One of two shards (its HA twin runs the same index behind another agent replica):
prober:
  region: eu-west-1
  shard: { index: 0, count: 2 }  # or index: "\${env:HOOKWATCH_SHARD}"
`],
  },
  {
    key: 'exporter',
    intro: 'The exporter: where delivery logs come from, in which format, and where the metrics are served. The record it reads, the Svix and Convoy presets and `map:` are explained in [delivery-log.md](delivery-log.md).',
    examples: [`exporter:
  enabled: true                  # the default when sources are listed
  listen: 127.0.0.1:9469
  state_dir: /var/lib/hookwatch
  checkpoint_interval: 1s
  poll_interval: 250ms
  max_line_bytes: 1048576
  label_limit: 200
  attempt_memory: 10000
  parallel_catch_up_bytes: 33554432   # a backlog this large is counted on every core
  sources:
    - { type: file, name: deliveries, path: /var/log/webhooks/deliveries.jsonl }              # format: hookwatch
    - { type: file, name: svix, path: "/var/log/svix/*.jsonl", format: svix }
    - { type: stdin, name: convoy, format: convoy }
    - { type: http, name: ingest, path: /ingest, token_file: secrets/ingest_token, max_body_bytes: 10485760, idempotency: { ttl: 1h, max_entries: 10000 } }
    - type: file
      name: legacy
      path: /var/log/legacy/attempts.log
      format: map
      map:
        ts: time
        kind: type
        event_id: event.id
        event_type: event.name
        endpoint: target
        url: request.url
        attempt: try
        status: response.code
        error: failure
        duration: took
        created_at: event.created
        queued_at: enqueued
        outcome: result
        processing: handler_seconds
        rate_limit_limit: response.limit
        rate_limit_remaining: response.remaining
        duration_unit: s
        timestamp_format: unix_s
`],
  },
  {
    key: 'alerts',
    intro: 'Thresholds of the generated Prometheus alerts, and what the generated Prometheus config needs. Each endpoint can override any threshold in its own `alerts:` block. `runbook_base_url` is where every alert\'s `runbook_url` points: `<base><Alert>.md`, so copy `alerts/runbooks/` to your wiki or repository and set it.',
    examples: [`alerts:
  failure_rate: { threshold: 0.05, for: 5m, window: 5m, min_rate_per_second: 0.01 }
  endpoint_down: { for: 2m, min_regions: 2 }
  response_time: { p95_seconds: 2, fail_p95_seconds: 5, degradation_factor: 2, for: 10m }
  dlq: { max_depth: 100, growth_for: 15m }
  rate_limit: { remaining_ratio: 0.1, for: 5m }
  retry_rate: { threshold: 0.2, for: 15m }
  signature: { for: 5m }
  tls: { warning_days: 14, critical_days: 3 }
  exporter_stalled_for: 10m
  absent_for: 5m
  scrape_interval: 15s
  evaluation_interval: 30s
  runbook_base_url: https://git.example.com/ops/hookwatch/-/blob/main/alerts/runbooks/
`],
  },
  {
    key: 'notify',
    intro: 'Where alerts go: the receivers of the generated `alertmanager.yml` and the routes per severity. Secrets are only ever file paths, read by Alertmanager where it runs (relative paths are made absolute against this file\'s folder).',
    examples: [`notify:
  slack: { api_url_file: /run/secrets/slack_webhook_url, channel: "#webhooks", send_resolved: true }
  pagerduty: { routing_key_file: /run/secrets/pagerduty_routing_key, url: "https://events.pagerduty.com/v2/enqueue", send_resolved: true }
  email:
    to: oncall@example.com
    from: alertmanager@example.com
    smarthost: smtp.example.com:587
    auth_username: alertmanager
    auth_password_file: /run/secrets/smtp_password
    require_tls: true
    send_resolved: false
  opsgenie: { api_key_file: /run/secrets/opsgenie_api_key, api_url: "https://api.eu.opsgenie.com/", send_resolved: true }
  webhook: { url: "https://teams-bridge.example.com/hook", credentials_file: /run/secrets/bridge_token, max_alerts: 10, send_resolved: true }
  heartbeat: { url: "https://hc-ping.example.com/hookwatch", credentials_file: /run/secrets/hc_token, repeat_interval: 1m }
  routes: { critical: [pagerduty, slack], warning: [slack], info: [webhook] }
  overrides:
    - { team: crm, routes: { critical: [opsgenie], warning: [email], info: [] } }
    - { endpoint: payments-primary, routes: { warning: [email] } }
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h
  alertmanager_url: http://alertmanager:9093
`],
  },
  {
    key: 'receivers',
    intro: 'Reference receivers, run by `hookwatch receive` and `hookwatch up`: each verifies signatures with its endpoint\'s `signing`, deduplicates, processes through a queue with retries and a DLQ, and writes a delivery log. Faults make one flaky on purpose.',
    examples: [`receivers:
  - endpoint: payments-primary
    listen: 127.0.0.1:8601
    log: .hookwatch/receiver-primary.jsonl
    idempotency: { store: file, path: .hookwatch/primary-ids.jsonl, ttl: 24h, max_entries: 100000 }
    processing: { concurrency: 4, queue_limit: 10000, max_attempts: 4, backoff: 100ms, max_backoff: 10s, dlq_replay_interval: 1m }
    handlers: { payment.received: [ledger, notifications], "*": [audit] }
    admin: true
    faults:
      latency: { min_ms: 5, max_ms: 400 }
      error_ratio: 0.1
      error_status: 503
      rate_limit: { limit: 20, window: 10s }
      outages: [{ every: 10m, for: 1m }]
      reject_signatures: false
      down: false
      processing_failure_ratio: 0.05
      permanent_failure_ratio: 0.01
`],
  },
  {
    key: 'simulator',
    intro: 'The traffic simulator (`hookwatch simulate`, and part of `hookwatch up`): signed events at a rate, retried on the schedule a webhook platform uses, dead-lettered when the schedule is exhausted, every attempt written to a delivery log.',
    examples: [`simulator:
  rate_per_second: 5
  endpoints: [payments-primary]
  timeout_seconds: 10
  retry: { schedule: [0s, 1s, 2s, 4s], jitter: 0.2 }
  log: { path: .hookwatch/deliveries.jsonl, max_bytes: 10485760, keep: 3 }
`],
  },
  {
    key: 'grafana',
    intro: 'Where the dashboards live. `url` makes the links in alerts and on the status page absolute and is where `hookwatch dashboards push` uploads; `folder` is the folder they are provisioned or pushed into.',
    examples: [`grafana:
  url: https://grafana.example.com
  folder: Webhooks
`],
  },
  {
    key: 'maintenance',
    intro: 'Maintenance windows: recurring (weekdays and times in a time zone) or one-off (`start` and `end`). Probes keep running and alerts keep firing, but each window is an Alertmanager 0.25 `time_intervals` entry muting the routes of its endpoints, the status page shows "In maintenance until …", and the prober\'s `' + METRICS.maintenance.name + '` is 1, which the burn-rate alerts of SLOs with `exclude_maintenance` read. For a silence now, without editing the config, use `hookwatch maintenance start`.',
    examples: [`maintenance:
  - name: nightly-deploy
    endpoints: [payments-primary]
    time_zone: Europe/Berlin
    weekly:
      - weekdays: [monday:friday]
        times: { start: "22:00", end: "02:30" }
      - weekdays: [sunday]
  - name: datacenter-move
    start: 2026-12-31T22:00:00+01:00
    end: 2027-01-03T04:15:00Z
`],
  },
  {
    key: 'scale_out',
    intro: 'Past one machine (README "Scaling out"): regional probers behind Prometheus agents that remote-write to a central store, the rules evaluated there by vmalert, and clustered Alertmanagers. With this section `hookwatch build` also writes `scale-out/`: an agent-mode `prometheus.yml` and its flags per region and replica, and the flags of vmalert, VictoriaMetrics and each Alertmanager. The probers set `region` (`prober.region`); agents add only `replica`.',
    examples: [`scale_out:
  remote_write:
    url: http://victoria-metrics:8428/api/v1/write
    bearer_token_file: /run/secrets/remote_write_token
    batch_send_deadline: 5s
    flush_deadline: 2s
  query_url: http://victoria-metrics:8428
  rules_write_url: http://victoria-metrics:8428
  rules_dir: /etc/prometheus/rules
  alertmanager_config: /etc/alertmanager/alertmanager.yml
  external_url: https://alerts.example.com
  store_latency_offset: 2s
  outage_tolerance: 2m
  alertmanagers:
    - { url: "http://alertmanager-1:9093", cluster_address: "alertmanager-1:9094" }
    - { url: "http://alertmanager-2:9093", cluster_address: "alertmanager-2:9094" }
  regions:
    - name: eu-west-1
      replicas:
        - { name: a, probers: ["prober-eu-a:9468"], exporters: ["exporter-eu:9469"] }
        - { name: b, probers: ["prober-eu-b:9468"] }
    - name: us-east-1
      replicas:
        - { name: a, probers: ["prober-us-0:9468", "prober-us-1:9468"] }
`, `# Grafana Mimir: its push path, a tenant, basic auth (rules then run in Mimir's ruler)
scale_out:
  remote_write:
    url: https://mimir.example.com/api/v1/push
    headers: { X-Scope-OrgID: webhooks }
    basic_auth: { username: hookwatch, password_file: /run/secrets/mimir_password }
  query_url: https://mimir.example.com/prometheus
  alertmanagers: [{ url: "http://alertmanager:9093", cluster_address: "alertmanager:9094" }]
  regions: [{ name: eu-west-1, replicas: [{ name: a, probers: ["prober-eu:9468"] }] }]
`],
  },
];
