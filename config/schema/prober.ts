import { z } from 'zod';
import { durationSchema, listenSchema, nameSchema, positiveSeconds } from './common.js';
import { cronSchema } from './schedule.js';
import { PROBER_METRICS_MODES } from '../../catalog/index.js';
import { PROBER_DEFAULTS } from '../defaults.js';

/** A count or index: a number, or the digits an `${env:…}` reference filled in. */
const shardNumber = z.union([z.number().int(), z.string().regex(/^\d+$/, { error: 'a whole number' }).transform(Number)]);

const shardSchema = z.strictObject({
  index: shardNumber.pipe(z.number().int().min(0)).default(PROBER_DEFAULTS.shard.index).describe('Which shard this prober is, from 0 to `count` − 1. An HA twin runs the same index (its agent sets another `replica` label).'),
  count: shardNumber.pipe(z.number().int().min(1).max(1000)).default(PROBER_DEFAULTS.shard.count).describe('How many shards split the endpoints. Each endpoint belongs to exactly one shard, chosen by a rendezvous hash of its name, so going from N to N+1 shards moves about 1/(N+1) of the endpoints.'),
}).superRefine((s, ctx) => {
  if (s.index >= s.count) ctx.addIssue({ code: 'custom', path: ['index'], message: `a shard index below count (${s.count})`, input: s.index });
});

/**
 * ```yaml
 * prober:
 *   region: eu-west-1
 *   schedule: "*\/15 * * * * *"   # or interval: 45s
 *   timeout_seconds: 10
 *   listen: 127.0.0.1:9468
 *   shard: { index: 0, count: 2 }   # this replica probes half of the endpoints
 * ```
 */
export const proberSchema = z.strictObject({
  enabled: z.boolean().default(PROBER_DEFAULTS.enabled).describe('Whether this config runs a prober: `false` for an exporter-only install, which then gets no prober scrape job, rules or meta-alerts, and `up` and `stack` start no prober.'),
  region: nameSchema.default(PROBER_DEFAULTS.region).describe('The `region` label of every probe metric; run probers in several regions for `alerts.endpoint_down.min_regions`.'),
  schedule: cronSchema.optional().meta({ description: 'When every check runs, unless a check sets its own; either this or `interval`.', default: PROBER_DEFAULTS.schedule }),
  interval: durationSchema.optional().describe('A plain period instead of `schedule`, for periods cron cannot express (`45s`).'),
  timeout_seconds: positiveSeconds.default(PROBER_DEFAULTS.timeoutSeconds).describe('Timeout of one probe, unless the endpoint or check sets one.'),
  listen: listenSchema.prefault(PROBER_DEFAULTS.listen).describe('Where the prober serves `/metrics`, `/-/healthy`, `/-/ready`, the status page and `/api/status`.'),
  body_limit_bytes: z.number().int().positive().default(PROBER_DEFAULTS.bodyLimitBytes).describe('Response bytes read for body and JSON assertions.'),
  user_agent: z.string().min(1).default(PROBER_DEFAULTS.userAgent).describe('`User-Agent` of every probe.'),
  metrics: z.enum(PROBER_METRICS_MODES).default(PROBER_DEFAULTS.metrics).describe('Which series each endpoint and check gets: `full` (every phase histogram, every result counter, about 124 series) or `compact` (at most 25: a duration histogram with buckets at the config\'s latency thresholds, the last probe\'s phases as gauges, success counts); dashboards and alerts are built for the mode. A change needs a restart.'),
  history_size: z.number().int().min(10).max(100_000).default(PROBER_DEFAULTS.historySize).describe('Recent results kept per endpoint and check for the status page (bounded memory).'),
  history_memory_mib: z.number().positive().max(65_536).default(PROBER_DEFAULTS.historyMemoryMib).describe('Total memory (MiB) of the status page\'s history, every endpoint and check together: each check keeps `history_size` results or, when that would not fit, the budget\'s equal share (at least 10), and the page and `/api/status` say how many and how long that is.'),
  shard: shardSchema.prefault({}).describe('Split the endpoints across several probers of one region: each probes only the endpoints of its shard.'),
}).superRefine((p, ctx) => {
  if (p.schedule !== undefined && p.interval !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['interval'], message: 'either schedule or interval, not both', input: p.interval.text });
  }
});
