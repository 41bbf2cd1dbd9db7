import { z } from 'zod';
import { durationSchema, filePathSchema, httpUrlSchema, nameSchema } from './common.js';
import { SCALE_OUT_DEFAULTS } from '../defaults.js';

const hostPort = z.string({ error: 'an address like prober-eu-a:9468' }).regex(/^[^\s/:]+:\d{1,5}$|^\[[^\]]+\]:\d{1,5}$/, { error: 'an address like prober-eu-a:9468' });

const replicaSchema = z.strictObject({
  name: nameSchema.describe('The agent\'s `replica` external label. HA twins (same shard) run under different replica names; the rules deduplicate them.'),
  probers: z.array(hostPort).default([]).describe('`host:port` of the hookwatch probers this replica\'s agent scrapes (their `/metrics`).'),
  exporters: z.array(hostPort).default([]).describe('`host:port` of hookwatch exporters this agent scrapes. Exporters must read disjoint logs: two exporters on one log count every delivery twice.'),
});

const regionSchema = z.strictObject({
  name: nameSchema.describe('The region, as its probers\' `prober.region` sets it: the probers are the source of truth for the `region` label, so the agent never sets one.'),
  replicas: z.array(replicaSchema).min(1, { error: 'at least one replica' }).describe('One Prometheus agent per replica; two replicas are an HA pair.'),
});

const alertmanagerSchema = z.strictObject({
  url: httpUrlSchema.describe('Where vmalert sends alerts to this Alertmanager (`-notifier.url`); every Alertmanager gets every alert.'),
  cluster_address: hostPort.describe('This Alertmanager\'s gossip address (`--cluster.listen-address`), which its peers list in `--cluster.peer`.'),
});

/**
 * ```yaml
 * scale_out:
 *   remote_write:
 *     url: http://victoria-metrics:8428/api/v1/write
 *     bearer_token_file: /run/secrets/remote_write_token
 *   query_url: http://victoria-metrics:8428
 *   alertmanagers:
 *     - { url: "http://alertmanager-1:9093", cluster_address: "alertmanager-1:9094" }
 *     - { url: "http://alertmanager-2:9093", cluster_address: "alertmanager-2:9094" }
 *   regions:
 *     - name: eu-west-1
 *       replicas:
 *         - { name: a, probers: ["prober-eu-a:9468"] }
 *         - { name: b, probers: ["prober-eu-b:9468"] }
 * ```
 */
export const scaleOutSchema = z.strictObject({
  remote_write: z.strictObject({
    url: httpUrlSchema.describe('The central store\'s remote-write endpoint: VictoriaMetrics `/api/v1/write`, Mimir `/api/v1/push`, Thanos Receive `/api/v1/receive`.'),
    bearer_token_file: filePathSchema.optional().describe('A file holding the bearer token the agents send (`authorization.credentials_file`).'),
    basic_auth: z.strictObject({
      username: z.string().min(1).describe('Basic-auth user name.'),
      password_file: filePathSchema.describe('A file holding the basic-auth password.'),
    }).optional().describe('Basic auth instead of a bearer token.'),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/, { error: 'an HTTP header name' }), z.string()).default({}).describe('Extra headers on every remote write, e.g. Mimir\'s tenant `X-Scope-OrgID`.'),
    batch_send_deadline: durationSchema.optional().meta({ description: 'How long an agent buffers samples before sending a batch (`queue_config.batch_send_deadline`).', default: SCALE_OUT_DEFAULTS.batchSendDeadline.text }),
    flush_deadline: durationSchema.optional().meta({ description: 'How long a stopping agent tries to flush (`--storage.remote.flush-deadline`); without it an agent stopped while the store is down hangs for a minute.', default: SCALE_OUT_DEFAULTS.flushDeadline.text }),
  }).superRefine((r, ctx) => {
    if (r.bearer_token_file !== undefined && r.basic_auth !== undefined) ctx.addIssue({ code: 'custom', path: ['basic_auth'], message: 'either bearer_token_file or basic_auth, not both', input: r.basic_auth });
  }).describe('How every region\'s agent writes to the central store.'),
  query_url: httpUrlSchema.describe('The store\'s query API for vmalert (`-datasource.url`, and `-remoteRead.url` to restore alert state): VictoriaMetrics\' root URL, Mimir\'s `/prometheus`.'),
  rules_write_url: httpUrlSchema.optional().describe('Where vmalert writes recording rules and alert state (`-remoteWrite.url`); default `query_url`.'),
  rules_dir: z.string().min(1).default(SCALE_OUT_DEFAULTS.rulesDir).describe('The folder holding the generated rule files where vmalert runs (its `-rule` flags).'),
  alertmanager_config: z.string().min(1).default(SCALE_OUT_DEFAULTS.alertmanagerConfig).describe('The generated alertmanager.yml as each Alertmanager sees it (`--config.file`).'),
  external_url: httpUrlSchema.optional().describe('The URL vmalert and the Alertmanagers put in links (`-external.url`, `--web.external-url`).'),
  store_latency_offset: durationSchema.optional().meta({ description: 'VictoriaMetrics\' `-search.latencyOffset`: how far back from now queries stop. Its 30s default delays every evaluation.', default: SCALE_OUT_DEFAULTS.storeLatencyOffset.text }),
  outage_tolerance: durationSchema.optional().meta({ description: 'The longest central-store outage that resolves and re-sends nothing: vmalert\'s `-datasource.queryStep`, how old a sample may be and still count (at least 3 scrape intervals). After an outage vmalert evaluates before the agents have resent the newest samples, so a shorter value resolves every firing alert on recovery. The price: a region whose agent or link to the store died keeps its last values this long, and `HookwatchProberAbsent` names it this much later (a prober that dies behind a live agent ends at once: the agent marks its series stale).', default: SCALE_OUT_DEFAULTS.outageTolerance.text }),
  alertmanagers: z.array(alertmanagerSchema).min(1, { error: 'at least one Alertmanager' }).describe('The clustered Alertmanagers; list two or more for HA.'),
  regions: z.array(regionSchema).min(1, { error: 'at least one region' }).describe('The regions, each with its agents (replicas) and the probers and exporters they scrape.'),
}).superRefine((s, ctx) => {
  const unique = (names: string[], path: (i: number) => (string | number)[], what: string) => {
    const seen = new Map<string, number>();
    const where = (i: number) => path(i).map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');
    names.forEach((n, i) => {
      const first = seen.get(n);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: path(i), message: `a unique ${what} (${where(first)} is already "${n}")`, input: n });
      else seen.set(n, i);
    });
  };
  unique(s.regions.map((r) => r.name), (i) => ['regions', i, 'name'], 'region name');
  s.regions.forEach((r, ri) => unique(r.replicas.map((x) => x.name), (i) => ['regions', ri, 'replicas', i, 'name'], 'replica name in the region'));
  unique(s.alertmanagers.map((a) => a.cluster_address), (i) => ['alertmanagers', i, 'cluster_address'], 'cluster address');
  // Two exporters on one log double-count: a scrape target listed twice is the same exporter scraped twice.
  const exporters = s.regions.flatMap((r, ri) => r.replicas.flatMap((x, xi) => x.exporters.map((e, ei) => ({ e, path: ['regions', ri, 'replicas', xi, 'exporters', ei] }))));
  unique(exporters.map((x) => x.e), (i) => exporters[i]!.path, 'exporter address: two agents scraping one exporter, like two exporters on one log, count every delivery twice');
});
