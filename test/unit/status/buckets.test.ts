/**
 * The latency chart's buckets follow the probe cadence (issue 13: a 5 s
 * interval drew scattered dots in 1 s buckets with nulls between probes).
 */
import { describe, expect, it } from 'vitest';
import { buildTargets } from '../../../prober/targets.js';
import { cadenceSeconds } from '../../../status/cadence.js';
import { StatusHistory } from '../../../status/history.js';
import { latencySeries } from '../../../status/latency.js';
import { buildStatus } from '../../../status/model.js';
import { ProbeRing } from '../../../status/ring.js';
import { configFromYaml } from '../../support/config.js';
import { outcome } from './outcomes.js';

/** Values between the first and the last bucket that has one. */
function inner(values: readonly (number | null)[]): (number | null)[] {
  const first = values.findIndex((v) => v != null);
  const last = values.length - 1 - [...values].reverse().findIndex((v) => v != null);
  return values.slice(first, last + 1);
}

describe('probe cadence', () => {
  it('an interval is itself; a cron schedule, its typical gap between runs', () => {
    expect(cadenceSeconds({ kind: 'interval', every: { text: '5s', seconds: 5 } })).toBe(5);
    expect(cadenceSeconds({ kind: 'cron', expr: '* * * * * *' })).toBe(1);
    expect(cadenceSeconds({ kind: 'cron', expr: '*/15 * * * * *' })).toBe(15);
    expect(cadenceSeconds({ kind: 'cron', expr: '0,10,20 * * * * *' })).toBe(10);
    expect(cadenceSeconds({ kind: 'cron', expr: '*/5 * * * *' })).toBe(300);
    expect(cadenceSeconds({ kind: 'cron', expr: '0 */2 * * *' })).toBe(7200);
    expect(cadenceSeconds({ kind: 'cron', expr: '30 9 * * 1-5' })).toBe(86_400);
  });
});

describe('latency buckets at a 5 s probe interval', () => {
  /** Two checks probed every 5 s from t0 for `seconds`, a few ms late each time. */
  function rings(t0: number, seconds: number): ProbeRing[] {
    const a = new ProbeRing(1000);
    const b = new ProbeRing(1000);
    for (let t = 0; t <= seconds; t += 5) {
      a.push(outcome(t0 + t + 0.003 * (t % 7)));
      b.push(outcome(t0 + t + 0.01, { check: 'health' }));
    }
    return [a, b];
  }

  it('buckets are at least 5 s wide, with no null between consecutive probes', () => {
    for (const span of [15, 40, 200, 3000]) {
      const s = latencySeries(rings(10_001.4, span), 10_001.4 + span, 3600, 5);
      expect(s.bucketSeconds).toBeGreaterThanOrEqual(5);
      expect(s.cadenceSeconds).toBe(5);
      expect(inner(s.p50)).not.toContain(null);
      expect(inner(s.p95)).not.toContain(null);
      expect(s.p50.filter((v) => v != null).length).toBeGreaterThanOrEqual(Math.min(span / 5, 30));
    }
  });

  it('an outage (nothing measured for a minute) still leaves empty buckets', () => {
    const [a] = rings(10_000, 30);
    for (let t = 90; t <= 120; t += 5) a!.push(outcome(10_000 + t));
    const s = latencySeries([a!], 10_120, 3600, 5);
    expect(s.bucketSeconds).toBe(5);
    expect(s.p50.filter((v) => v === null)).toHaveLength(11);
  });

  it('the model takes the cadence from the endpoint\'s most frequent check', () => {
    const config = configFromYaml(`
endpoints:
  - name: primary
    url: http://127.0.0.1:1/webhook
    health_url: http://127.0.0.1:1/health
    checks: { health: { interval: 1m } }
prober: { interval: 5s }
`);
    const history = new StatusHistory(100);
    for (let t = 0; t <= 30; t += 5) history.record(outcome(1000 + t + 0.2));
    const lat = buildStatus({ config, targets: buildTargets(config), history, now: 1031, version: 'x' }).endpoints[0]!.latency;
    expect(lat).toMatchObject({ bucketSeconds: 5, cadenceSeconds: 5 });
    expect(lat.p50).not.toContain(null);
    expect(lat.p50).toHaveLength(7);
  });
});
