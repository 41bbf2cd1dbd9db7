/**
 * `ProberMetrics.record` keeps each target's series between probes instead
 * of looking them up by labels: a series removed or reset meanwhile (a
 * reload that drops an endpoint, a mode change) must come back as a new
 * series from zero, never keep counting into the dropped one.
 */
import { describe, expect, it } from 'vitest';
import { METRICS, PHASES } from '../../../catalog/index.js';
import { ProberMetrics } from '../../../prober/metrics.js';
import type { ProbeOutcome } from '../../../prober/types.js';

const outcome = (success: boolean): ProbeOutcome => ({
  endpoint: 'a', check: 'delivery', result: success ? 'success' : 'http_error', success, degraded: false, status: success ? 200 : 500,
  durationSeconds: 0.2, phases: Object.fromEntries(PHASES.map((p) => [p, 0.01])), startedAt: 1_700_000_000, detail: '',
});
const l = { endpoint: 'a', check: 'delivery', region: 'eu' } as const;

describe('series kept per target', () => {
  it('count into the series the page shows', async () => {
    const m = new ProberMetrics('test');
    m.initTarget('a', 'delivery', 'eu');
    for (let i = 0; i < 3; i++) m.record(outcome(true), 'eu');
    m.record(outcome(false), 'eu');
    expect(m.counter(METRICS.probes).get({ ...l, result: 'success' })).toBe(3);
    expect(m.counter(METRICS.probes).get({ ...l, result: 'http_error' })).toBe(1);
    expect(m.histogram(METRICS.probeDuration).get(l)?.count).toBe(4);
    expect(m.histogram(METRICS.probePhase).get({ ...l, phase: 'ttfb' })?.count).toBe(4);
    expect(m.gauge(METRICS.probeUp).get(l)).toBe(0);
    expect(await m.metrics()).toContain('webhook_probe_up{endpoint="a",check="delivery",region="eu"} 0');
  });

  it('start again from zero after the target was removed and added back', () => {
    const m = new ProberMetrics('test');
    m.initTarget('a', 'delivery', 'eu');
    m.record(outcome(true), 'eu');
    m.record(outcome(true), 'eu');
    m.removeTarget('a', 'delivery', 'eu');
    expect(m.gauge(METRICS.probeUp).get(l)).toBeUndefined();
    m.initTarget('a', 'delivery', 'eu');
    m.record(outcome(true), 'eu');
    expect(m.counter(METRICS.probes).get({ ...l, result: 'success' })).toBe(1);
    expect(m.histogram(METRICS.probeDuration).get(l)?.count).toBe(1);
    expect(m.gauge(METRICS.probeUp).get(l)).toBe(1);
  });

  it('come back when a family is reset or a series removed behind their back', () => {
    const m = new ProberMetrics('test');
    m.initTarget('a', 'delivery', 'eu');
    m.record(outcome(true), 'eu');
    m.gauge(METRICS.probeUp).reset();
    m.counter(METRICS.probes).remove({ ...l, result: 'success' });
    m.record(outcome(false), 'eu');
    expect(m.gauge(METRICS.probeUp).get(l)).toBe(0);
    m.record(outcome(true), 'eu');
    expect(m.counter(METRICS.probes).get({ ...l, result: 'success' })).toBe(1);
  });

  it('follow a mode change of the target (full to compact detail)', () => {
    const m = new ProberMetrics('test', { mode: 'compact', durationBuckets: [1, 5] });
    m.initTarget('a', 'delivery', 'eu', 'full');
    m.record(outcome(true), 'eu');
    expect(m.histogram(METRICS.probePhase).get({ ...l, phase: 'ttfb' })?.count).toBe(1);
    m.removeTarget('a', 'delivery', 'eu');
    m.initTarget('a', 'delivery', 'eu', 'compact');
    m.record(outcome(true), 'eu');
    expect(m.histogram(METRICS.probePhase).get({ ...l, phase: 'ttfb' })).toBeUndefined();
    expect(m.gauge(METRICS.probeLastPhase).get({ ...l, phase: 'ttfb' })).toBe(0.01);
  });
});

describe('probe ids', () => {
  it('are msg_hw_ and 32 hex digits, all different, across pool refills', async () => {
    const { randomHex16 } = await import('../../../prober/prober.js');
    const ids = new Set(Array.from({ length: 1000 }, () => `msg_hw_${randomHex16()}`));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^msg_hw_[0-9a-f]{32}$/);
  });
});
