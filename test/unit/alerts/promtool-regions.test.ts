/**
 * promtool: the rules stay correct when series come from several regions and
 * HA replicas (the scale-out topology, series labelled by their agents'
 * `replica` external label): twins are deduplicated, `min_regions` counts
 * regions, one broken twin does not mark its region down, a region that goes
 * silent is named by a meta-alert, and signature rejections are judged per
 * region.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { configFromYaml } from '../../support/config.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, gauge, series, type InputSeries } from './promtool/series.js';

const configWith = (minRegions: number) => configFromYaml(`
endpoints:
  - { name: x, url: "https://x.example.com/hook" }
  - { name: y, url: "https://y.example.com/hook" }
alerts:
  endpoint_down: { for: 2m, min_regions: ${minRegions} }
`);

/** A series as one replica's agent sends it: the prober's labels plus the agent's `replica` external label. */
const withReplica = (s: InputSeries, replica: string): InputSeries => ({ ...s, series: s.series.replace(/}$/, `,replica="${replica}"}`) });
const up = (endpoint: string, region: string, replica: string, values: string) =>
  withReplica(series(METRICS.probeUp, { endpoint, check: 'delivery', region }, values), replica);
/** Up for 10m, then `after` for 20m. */
const from10m = (after: 0 | 1) => gauge([1, 10], [after, 20]);
const prober = series(METRICS.buildInfo, { version: '0.1.0', component: 'prober' }, gauge([1, 40]));

describe('promtool test rules: several regions and HA replicas', () => {
  it('WebhookEndpointDown (min_regions 1): one broken twin does not mark its region down while the other sees the endpoint up', () => {
    const r = promtoolTest(configWith(1), [{
      name: 'one twin broken',
      series: [
        up('x', 'eu', 'a', from10m(0)), up('x', 'eu', 'b', from10m(1)), up('x', 'us', 'a', from10m(1)), up('x', 'us', 'b', from10m(1)),
        // Both twins of eu see y down: that region is down, and one region is the quorum.
        up('y', 'eu', 'a', from10m(0)), up('y', 'eu', 'b', from10m(0)), up('y', 'us', 'a', from10m(1)), up('y', 'us', 'b', from10m(1)),
      ],
      alerts: [
        { at: '11m', alert: 'WebhookEndpointDown', firing: [] },
        { at: '13m', alert: 'WebhookEndpointDown', firing: [{ labels: { endpoint: 'y', severity: 'critical' }, value: 1 }] },
      ],
    }], '1m');
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookEndpointDown (min_regions 2) counts regions, not replicas: 2 for two regions of two twins each, and nothing with one region up in one twin', () => {
    const r = promtoolTest(configWith(2), [{
      name: 'two regions, two twins each',
      series: [
        up('x', 'eu', 'a', from10m(0)), up('x', 'eu', 'b', from10m(0)), up('x', 'us', 'a', from10m(0)), up('x', 'us', 'b', from10m(0)),
        // y: eu down in both twins, us down in one twin only: one region down, below the quorum.
        up('y', 'eu', 'a', from10m(0)), up('y', 'eu', 'b', from10m(0)), up('y', 'us', 'a', from10m(0)), up('y', 'us', 'b', from10m(1)),
      ],
      alerts: [
        { at: '13m', alert: 'WebhookEndpointDown', firing: [{ labels: { endpoint: 'x', severity: 'critical' }, value: 2 }] },
        { at: '25m', alert: 'WebhookEndpointDown', firing: [{ labels: { endpoint: 'x', severity: 'critical' }, value: 2 }] },
      ],
    }], '1m');
    expect(r.ok, r.out).toBe(true);
  });

  it('HookwatchProberAbsent names the region that went silent while the others report (absent() alone stays quiet)', () => {
    // us's last samples are at 5m: visible for the 5m lookback, silent from just after 10m,
    // first evaluated silent at 11m, firing after absent_for (5m) at 16m.
    const r = promtoolTest(configWith(2), [{
      name: 'region us silent',
      series: [
        prober,
        up('x', 'eu', 'a', gauge([1, 40])), up('x', 'eu', 'b', gauge([1, 40])),
        up('x', 'us', 'a', gauge([1, 5])), up('x', 'us', 'b', gauge([1, 5])),
      ],
      alerts: [
        { at: '10m', alert: 'HookwatchProberAbsent', firing: [] },
        { at: '15m', alert: 'HookwatchProberAbsent', firing: [] },
        { at: '16m', alert: 'HookwatchProberAbsent', firing: [{ labels: { region: 'us', severity: 'critical', condition: 'region_silent' }, value: 1 }] },
        { at: '40m', alert: 'HookwatchProberAbsent', firing: [{ labels: { region: 'us', severity: 'critical', condition: 'region_silent' }, value: 1 }] },
      ],
    }, {
      name: 'one twin silent: its region still reports',
      series: [prober, up('x', 'eu', 'a', gauge([1, 40])), up('x', 'eu', 'b', gauge([1, 5]))],
      alerts: [{ at: '30m', alert: 'HookwatchProberAbsent', firing: [] }],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('WebhookSignatureRejected is judged per region (successes elsewhere do not hide it) and twins are not added up', () => {
    const probes = (region: string, replica: string, result: 'rejected_signature' | 'success', perMinute: number) =>
      withReplica(series(METRICS.probes, { endpoint: 'x', check: 'delivery', region, result }, counter([perMinute, 20])), replica);
    const r = promtoolTest(configWith(1), [{
      name: 'secret rotated in eu only',
      series: [
        probes('eu', 'a', 'rejected_signature', 1), probes('eu', 'a', 'success', 0),
        probes('eu', 'b', 'rejected_signature', 1), probes('eu', 'b', 'success', 0),
        probes('us', 'a', 'rejected_signature', 0), probes('us', 'a', 'success', 1),
      ],
      alerts: [
        { at: '5m', alert: 'WebhookSignatureRejected', firing: [] },
        // 5 rejections in the last 5m per twin: the value is 5, not their sum 10.
        { at: '6m', alert: 'WebhookSignatureRejected', firing: [{ labels: { endpoint: 'x', region: 'eu', severity: 'critical' }, value: 5 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
