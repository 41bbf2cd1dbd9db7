/**
 * The catalog follows Prometheus naming conventions, so everything built
 * from it does too.
 */
import { describe, expect, it } from 'vitest';
import { ALL_METRICS, METRICS, promql } from '../../../catalog/index.js';

describe('metric catalog', () => {
  it.each(ALL_METRICS.map((m) => [m.name, m] as const))('%s follows the naming conventions', (_name, m) => {
    // prom-client's default metrics keep the client's names (process_*, nodejs_*).
    expect(m.name).toMatch(m.origin === 'prom-client' ? /^(process|nodejs)_[a-z0-9_]+$/ : /^(webhook|hookwatch)_[a-z0-9_]+$/);
    if (m.type === 'counter') expect(m.name).toMatch(/_total$/);
    else expect(m.name).not.toMatch(/_total$/);
    // The unit is the last word before a counter's `_total`.
    const base = m.name.replace(/_total$/, '');
    if (m.unit === 'seconds') expect(base).toMatch(/_seconds$/);
    if (m.unit === 'timestamp_seconds') expect(base).toMatch(/_timestamp_seconds$/);
    if (m.unit === 'bytes') expect(base).toMatch(/_bytes$/);
    if (/_seconds$/.test(base)) expect(m.unit === 'seconds' || m.unit === 'timestamp_seconds').toBe(true);
    if (m.type === 'histogram') {
      expect(m.buckets!.length).toBeGreaterThan(3);
      expect([...m.buckets!].sort((a, b) => a - b)).toEqual([...m.buckets!]);
    }
    for (const l of m.labels) expect(l).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(m.labels).not.toContain('event_id');
    expect(m.labels).not.toContain('url');
    expect(m.help.length).toBeGreaterThan(10);
  });

  it('has unique names', () => {
    const names = ALL_METRICS.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('builds selectors only from the metric\'s own labels', () => {
    expect(promql.selector(METRICS.probeUp, { endpoint: 'a"b', region: promql.re('eu-.*') })).toBe('webhook_probe_up{endpoint="a\\"b",region=~"eu-.*"}');
    expect(() => promql.selector(METRICS.probeUp, { result: 'x' } as never)).toThrow(/Invalid label "result"/);
    expect(promql.histogramQuantile(0.95, METRICS.probeDuration, { endpoint: promql.variable('endpoint') }, '5m', ['endpoint']))
      .toBe('histogram_quantile(0.95, sum by (le, endpoint) (rate(webhook_probe_duration_seconds_bucket{endpoint=~"$endpoint"}[5m])))');
    expect(() => promql.rate(METRICS.probeUp, {}, '5m')).toThrow(/gauge/);
    expect(promql.recordName(['endpoint'], METRICS.deliveries, 'failure_ratio_rate5m')).toBe('endpoint:webhook_deliveries:failure_ratio_rate5m');
  });
});
