/**
 * promtool: endpoint down (for 2m, quorum 1), signatures rejected (for 5m)
 * and TLS expiry (warning 14d, critical 3d, for 10m) on default thresholds.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, gauge, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('basic');
const up = (endpoint: string, check: 'delivery' | 'health', values: string, region = 'eu') => series(METRICS.probeUp, { endpoint, check, region }, values);
const DAY = 86400;

describe('promtool test rules: availability alerts', () => {
  it('WebhookEndpointDown fires after 2m down, not after 1m59s (evaluated every second)', () => {
    const r = promtoolTest(config, [{
      name: 'endpoint down',
      series: [
        up('a', 'delivery', gauge([1, 9], [0, 20])), // down from 10m
        up('b', 'delivery', gauge([1, 9], [0, 2], [1, 18])), // down 10m00s–11m59s, then back
        up('c', 'delivery', gauge([1, 30])),
        up('c', 'health', gauge([1, 9], [0, 20])), // health check down counts too
        up('d', 'delivery', gauge([1, 30])), up('d', 'health', gauge([1, 30])),
      ],
      alerts: [
        { at: '11m59s', alert: 'WebhookEndpointDown', firing: [] },
        {
          at: '12m', alert: 'WebhookEndpointDown', firing: [
            { labels: { endpoint: 'a', severity: 'critical' }, value: 1 },
            { labels: { endpoint: 'c', severity: 'critical' }, value: 1 },
          ],
        },
      ],
    }], '1s');
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookSignatureRejected fires when every probe is rejected for 5m, not when some succeed', () => {
    const probes = (endpoint: string, result: 'rejected_signature' | 'success', perMinute: number) =>
      series(METRICS.probes, { endpoint, check: 'delivery', region: 'eu', result }, counter([perMinute, 20]));
    const r = promtoolTest(config, [{
      name: 'signature rejected',
      series: [
        probes('rotated', 'rejected_signature', 1), probes('rotated', 'success', 0),
        probes('flaky', 'rejected_signature', 1), probes('flaky', 'success', 1),
      ],
      alerts: [
        // Rejections are visible from 1m (two samples): pending at 1m, firing at 6m.
        { at: '5m', alert: 'WebhookSignatureRejected', firing: [] },
        { at: '6m', alert: 'WebhookSignatureRejected', firing: [{ labels: { endpoint: 'rotated', region: 'eu', severity: 'critical' }, value: 5 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookTLSCertExpiring warns under 14 days and turns critical under 3 days, each after 10m', () => {
    // Expiry at 3d 30m: under 14 days from t=0, under 3 days from 30m01s (first evaluated at 31m).
    const expiry = 3 * DAY + 1800;
    const tls = (endpoint: string, at: number) => series(METRICS.probeTlsExpiry, { endpoint, check: 'delivery', region: 'eu' }, gauge([at, 60]));
    const left = (t: number) => expiry - t * 60;
    const r = promtoolTest(config, [{
      name: 'tls expiry',
      series: [tls('soon', expiry), tls('fine', 30 * DAY), tls('no-tls', 0)],
      alerts: [
        { at: '9m', alert: 'WebhookTLSCertExpiring', firing: [] },
        { at: '10m', alert: 'WebhookTLSCertExpiring', firing: [{ labels: { endpoint: 'soon', severity: 'warning' }, value: left(10) }] },
        { at: '40m', alert: 'WebhookTLSCertExpiring', firing: [{ labels: { endpoint: 'soon', severity: 'warning' }, value: left(40) }] },
        {
          at: '41m', alert: 'WebhookTLSCertExpiring', firing: [
            { labels: { endpoint: 'soon', severity: 'warning' }, value: left(41) },
            { labels: { endpoint: 'soon', severity: 'critical' }, value: left(41) },
          ],
        },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
