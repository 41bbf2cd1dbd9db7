/**
 * promtool: the rules of a `prober.metrics: compact` config (alerts case
 * `compact`) on the series a compact prober exposes and nothing else:
 * probe_up, the success and rejected_signature counters, the compact
 * duration histogram, the last-phase gauges and TLS expiry. Every input
 * series is checked against the catalog's compact set first, so a scenario
 * cannot lean on a full-only series.
 */
import { describe, expect, it } from 'vitest';
import { COMPACT_PROBE_RESULTS, METRICS, PHASES, exposedIn, metricByName, promql } from '../../../catalog/index.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, gauge, series, type InputSeries } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('compact');
const DAY = 86400;
type Ep = 'payments-primary' | 'payments-backup';
type ProbeCheck = 'delivery' | 'health' | 'signature_enforcement';
const L = (endpoint: Ep, check: ProbeCheck) => ({ endpoint, check, region: 'eu' });

/** Everything a compact prober exposes for one endpoint and check, with `up` and the counters given. */
function compactTarget(endpoint: Ep, check: ProbeCheck, up: string, results: { success: string; rejected_signature?: string }): InputSeries[] {
  const l = L(endpoint, check);
  const buckets = config.prober.durationBuckets;
  return [
    series(METRICS.probeUp, l, up),
    series(METRICS.probeStatusCode, l, gauge([200, 30])),
    series(METRICS.probes, { ...l, result: 'success' }, results.success),
    series(METRICS.probes, { ...l, result: 'rejected_signature' }, results.rejected_signature ?? counter([0, 30])),
    // The compact duration histogram: one probe a minute, each under the smallest bucket.
    ...[...buckets.map(String), '+Inf'].map((le) => ({ series: promql.selector(METRICS.probeDuration, l, 'bucket').replace(/}$/, `,le="${le}"}`), values: counter([1, 30]) })),
    { series: promql.selector(METRICS.probeDuration, l, 'count'), values: counter([1, 30]) },
    ...PHASES.map((phase) => series(METRICS.probeLastPhase, { ...l, phase }, gauge([0.01, 30]))),
  ].flat();
}

/** Refuses an input series a compact prober would not expose. */
function onlyCompact(list: InputSeries[]): InputSeries[] {
  for (const s of list) {
    const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(s.series)![0];
    const m = metricByName(name);
    expect(m && exposedIn('compact', m), s.series).toBe(true);
    const result = /result="([^"]+)"/.exec(s.series)?.[1];
    if (m === METRICS.probes) expect(COMPACT_PROBE_RESULTS as readonly string[], s.series).toContain(result);
  }
  return list;
}

describe('promtool test rules: compact metrics', () => {
  it('the config is compact, with buckets at its latency thresholds', () => {
    expect(config.prober.metrics).toBe('compact');
    expect(config.prober.durationBuckets).toEqual([0.1, 0.25, 1, 2, 5, 10]);
  });

  it('WebhookEndpointDown fires after 2m of compact probe_up at 0, only for the endpoint that is down', () => {
    const r = promtoolTest(config, [{
      name: 'endpoint down, compact series',
      series: onlyCompact([
        ...compactTarget('payments-primary', 'delivery', gauge([1, 9], [0, 21]), { success: counter([1, 9], [0, 21]) }),
        ...compactTarget('payments-primary', 'health', gauge([1, 30]), { success: counter([1, 30]) }),
        ...compactTarget('payments-backup', 'delivery', gauge([1, 30]), { success: counter([1, 30]) }),
      ]),
      alerts: [
        { at: '11m', alert: 'WebhookEndpointDown', firing: [] },
        { at: '12m', alert: 'WebhookEndpointDown', firing: [{ labels: { endpoint: 'payments-primary', severity: 'critical' }, value: 1 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookSignatureRejected fires from the compact rejected_signature and success counters', () => {
    const r = promtoolTest(config, [{
      name: 'signature rejected, compact series',
      series: onlyCompact([
        ...compactTarget('payments-primary', 'delivery', gauge([0, 30]), { success: counter([0, 30]), rejected_signature: counter([1, 30]) }),
        ...compactTarget('payments-backup', 'delivery', gauge([1, 30]), { success: counter([1, 30]), rejected_signature: counter([1, 30]) }),
      ]),
      alerts: [
        { at: '5m', alert: 'WebhookSignatureRejected', firing: [] },
        { at: '6m', alert: 'WebhookSignatureRejected', firing: [{ labels: { endpoint: 'payments-primary', region: 'eu', severity: 'critical' }, value: 5 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookTLSCertExpiring warns under 14 days from the compact TLS gauge', () => {
    const expiry = 10 * DAY;
    const r = promtoolTest(config, [{
      name: 'tls, compact series',
      series: onlyCompact([
        ...compactTarget('payments-primary', 'delivery', gauge([1, 30]), { success: counter([1, 30]) }),
        series(METRICS.probeTlsExpiry, L('payments-primary', 'delivery'), gauge([expiry, 30])),
      ]),
      alerts: [
        { at: '9m', alert: 'WebhookTLSCertExpiring', firing: [] },
        { at: '10m', alert: 'WebhookTLSCertExpiring', firing: [{ labels: { endpoint: 'payments-primary', severity: 'warning' }, value: expiry - 600 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('the compact input check can fail: a full-only series is refused', () => {
    expect(() => onlyCompact([series(METRICS.probes, { ...L('payments-primary', 'delivery'), result: 'timeout' }, counter([1, 3]))])).toThrow();
    expect(() => onlyCompact([{ series: promql.selector(METRICS.probePhase, { ...L('payments-primary', 'delivery'), phase: 'dns' }, 'count'), values: '1' }])).toThrow();
  });
});
