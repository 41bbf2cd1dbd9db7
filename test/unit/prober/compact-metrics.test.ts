/**
 * The prober's metrics modes on its own registry: how many series one
 * endpoint and check has once every series that can exist does (all phases,
 * TLS, rate-limit headers, every result class, a skip, a drift), and which
 * families each mode fills.
 */
import { describe, expect, it } from 'vitest';
import { CHECKS, COMPACT_SERIES_LIMIT, METRICS, PHASES, PROBE_RESULTS, compactBuckets, type Check, type ProberMetricsMode } from '../../../catalog/index.js';
import { parseConfig } from '../../../config/index.js';
import { Prober } from '../../../prober/index.js';
import { ProberMetrics } from '../../../prober/metrics.js';
import type { ProbeOutcome } from '../../../prober/types.js';
import { sample, seriesPerTarget } from '../../support/scrape.js';

const BUCKETS = compactBuckets([2, 5])!;

function outcome(check: Check, result: (typeof PROBE_RESULTS)[number], durationSeconds = 0.3): ProbeOutcome {
  return {
    endpoint: 'a', check, result, success: result === 'success', degraded: false, status: result === 'success' ? 200 : 503,
    durationSeconds, phases: Object.fromEntries(PHASES.map((p, i) => [p, 0.01 * (i + 1)])), startedAt: 1_700_000_000, detail: '',
    tlsExpiry: 1_800_000_000, rateLimit: { remaining: 5, limit: 10, resetSeconds: 30 },
  };
}

/** Every series one endpoint can have: each check probed with every result, skipped once, drifted once. */
async function exercised(mode: ProberMetricsMode, endpointMode: ProberMetricsMode = mode): Promise<{ text: string; counts: Map<string, number> }> {
  const m = new ProberMetrics('test', { mode, ...(mode === 'compact' ? { durationBuckets: BUCKETS } : {}) });
  for (const check of CHECKS) {
    m.initTarget('a', check, 'eu', endpointMode);
    for (const result of PROBE_RESULTS) m.record(outcome(check, result), 'eu');
    m.skipped('a', check);
    m.drift('a', check, 0.002);
  }
  const text = await m.metrics();
  return { text, counts: seriesPerTarget(text) };
}

describe('prober metrics modes', () => {
  it(`compact: at most ${COMPACT_SERIES_LIMIT} series per endpoint and check, with everything set`, async () => {
    const { counts } = await exercised('compact');
    expect([...counts.keys()].sort()).toEqual(CHECKS.map((c) => `a ${c}`).sort());
    for (const [key, n] of counts) expect(n, key).toBeLessThanOrEqual(COMPACT_SERIES_LIMIT);
    expect(Math.max(...counts.values())).toBe(7 + 5 + 2 + 1 + 1 + BUCKETS.length + 3);
  });

  it('full: every phase histogram and result counter (about 128 series per endpoint and check)', async () => {
    const { counts } = await exercised('full');
    for (const [key, n] of counts) expect(n, key).toBe(7 + 8 + 16 + 5 * 17 + 1 + 11);
  });

  it('compact exposes the last phases and drift as gauges, successes and rejected signatures only, and no phase histogram', async () => {
    const { text } = await exercised('compact');
    const l = { endpoint: 'a', check: 'delivery', region: 'eu' };
    expect(sample(text, METRICS.probeLastPhase.name, { ...l, phase: 'ttfb' })).toBeCloseTo(0.04);
    expect(sample(text, METRICS.proberLastDrift.name, { endpoint: 'a', check: 'delivery' })).toBe(0.002);
    expect(sample(text, METRICS.probes.name, { ...l, result: 'success' })).toBe(1);
    expect(sample(text, METRICS.probes.name, { ...l, result: 'rejected_signature' })).toBe(1);
    expect(sample(text, METRICS.probes.name, { ...l, result: 'timeout' })).toBeUndefined();
    expect(sample(text, `${METRICS.probeDuration.name}_count`, l)).toBe(PROBE_RESULTS.length);
    expect(sample(text, `${METRICS.probePhase.name}_count`, { ...l, phase: 'ttfb' })).toBeUndefined();
    expect(sample(text, `${METRICS.proberScheduleDrift.name}_count`, { endpoint: 'a', check: 'delivery' })).toBeUndefined();
    // Buckets at the thresholds (2 s and 5 s) exist, so "slower than the limit" is exact.
    for (const le of ['2', '5', '+Inf']) expect(sample(text, `${METRICS.probeDuration.name}_bucket`, { ...l, le }), le).toBe(le === '+Inf' ? 8 : 8);
    expect(sample(text, `${METRICS.probeDuration.name}_bucket`, { ...l, le: '0.25' })).toBe(0);
  });

  it('an endpoint opted into full in a compact prober has the full series and the compact gauges', async () => {
    const { text, counts } = await exercised('compact', 'full');
    const l = { endpoint: 'a', check: 'delivery', region: 'eu' };
    expect(sample(text, METRICS.probes.name, { ...l, result: 'timeout' })).toBe(1);
    expect(sample(text, `${METRICS.probePhase.name}_count`, { ...l, phase: 'ttfb' })).toBe(PROBE_RESULTS.length);
    expect(sample(text, METRICS.probeLastPhase.name, { ...l, phase: 'ttfb' })).toBeCloseTo(0.04);
    expect(counts.get('a delivery')).toBe(7 + 5 + 8 + 1 + 1 + BUCKETS.length + 3 + 5 * 17 + 11);
  });

  it('removeTarget leaves nothing of the endpoint and check', async () => {
    const m = new ProberMetrics('test', { mode: 'compact', durationBuckets: BUCKETS });
    m.initTarget('a', 'delivery', 'eu', 'full');
    m.record(outcome('delivery', 'success'), 'eu');
    m.drift('a', 'delivery', 0.1);
    m.removeTarget('a', 'delivery', 'eu');
    expect(seriesPerTarget(await m.metrics()).size).toBe(0);
  });
});

describe('compactBuckets', () => {
  it('keeps every threshold and fills up to six buckets', () => {
    expect(compactBuckets([2, 5])).toEqual([0.1, 0.25, 1, 2, 5, 10]);
    expect(compactBuckets([0.3, 0.7, 1.5, 3, 6, 12])).toEqual([0.3, 0.7, 1.5, 3, 6, 12]);
    expect(compactBuckets([1, 2, 3, 4, 5, 6, 7])).toBeUndefined();
  });
});

describe('Prober with compact metrics', () => {
  const yaml = (extra: string) => `endpoints:
  - name: a
    url: http://127.0.0.1:9/webhook
${extra}prober: { metrics: compact }
`;
  const parse = (text: string) => parseConfig(text, { file: 'hookwatch.yaml', dir: '/tmp', env: {}, readFile: () => '' });

  it('creates the compact series with the config\'s buckets, and a reload opting the endpoint into full adds the full ones', async () => {
    const prober = new Prober(parse(yaml('')), { version: 'test' });
    const l = { endpoint: 'a', check: 'delivery', region: 'local' };
    let text = await prober.metrics.metrics();
    expect(sample(text, `${METRICS.probeDuration.name}_bucket`, { ...l, le: '2' })).toBe(0);
    expect(sample(text, `${METRICS.probeDuration.name}_bucket`, { ...l, le: '0.005' })).toBeUndefined();
    expect(sample(text, `${METRICS.probePhase.name}_count`, { ...l, phase: 'dns' })).toBeUndefined();
    prober.reload(parse(yaml('    metrics: full\n')));
    text = await prober.metrics.metrics();
    expect(sample(text, `${METRICS.probePhase.name}_count`, { ...l, phase: 'dns' })).toBe(0);
    expect(sample(text, METRICS.probes.name, { ...l, result: 'timeout' })).toBe(0);
    prober.reload(parse(yaml('')));
    text = await prober.metrics.metrics();
    expect(sample(text, `${METRICS.probePhase.name}_count`, { ...l, phase: 'dns' })).toBeUndefined();
    expect(sample(text, METRICS.probes.name, { ...l, result: 'success' })).toBe(0);
  });
});
