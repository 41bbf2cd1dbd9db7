/**
 * promtool: hookwatch's own alerts — a component absent for 5m, an exporter
 * stalled or failing to parse for 10m — and the always-firing Watchdog.
 */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { promtoolTest } from './promtool/harness.js';
import { counter, gauge, series } from './promtool/series.js';
import { loadCase } from './support.js';

const config = loadCase('basic');
const build = (component: 'prober' | 'exporter', values: string) => series(METRICS.buildInfo, { version: '0.1.0', component }, values);

describe('promtool test rules: hookwatch self-monitoring', () => {
  it('HookwatchProberAbsent and HookwatchExporterAbsent fire 5m after the series is gone, not while present', () => {
    // The prober's last sample is at 5m: it stays visible for the 5m lookback, so
    // absent() is true from just after 10m (first evaluated at 11m) and fires 5m later.
    const r = promtoolTest(config, [{
      name: 'prober gone, exporter present',
      series: [build('prober', gauge([1, 5])), build('exporter', gauge([1, 40]))],
      alerts: [
        { at: '15m', alert: 'HookwatchProberAbsent', firing: [] },
        { at: '16m', alert: 'HookwatchProberAbsent', firing: [{ labels: { component: 'prober', severity: 'critical' }, value: 1 }] },
        { at: '40m', alert: 'HookwatchExporterAbsent', firing: [] },
      ],
    }, {
      name: 'exporter gone, prober present',
      series: [build('prober', gauge([1, 40])), build('exporter', gauge([1, 5]))],
      alerts: [
        { at: '15m', alert: 'HookwatchExporterAbsent', firing: [] },
        { at: '16m', alert: 'HookwatchExporterAbsent', firing: [{ labels: { component: 'exporter', severity: 'critical' }, value: 1 }] },
        { at: '40m', alert: 'HookwatchProberAbsent', firing: [] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('HookwatchExporterStalled: unread bytes and a frozen offset for 10m; parse errors over 1% for 10m', () => {
    const size = (source: string, values: string) => series(METRICS.exporterSourceSize, { source }, values);
    const offset = (source: string, values: string) => series(METRICS.exporterSourceOffset, { source }, values);
    const lines = (source: string, perMinute: number) => series(METRICS.exporterLinesRead, { source }, counter([perMinute, 30]));
    const errors = (source: string, perMinute: number) => series(METRICS.exporterParseErrors, { source, reason: 'invalid_json' }, counter([perMinute, 30]));
    const r = promtoolTest(config, [{
      name: 'stalled tail',
      series: [
        // Offset reaches 500 at 5m and stops with 500 bytes unread: no change in [t-5m, t] from 10m.
        size('stuck', gauge([1000, 30])), offset('stuck', '0+100x5 500x24'),
        size('idle', gauge([500, 30])), offset('idle', gauge([500, 30])), // caught up, nothing to read
        size('busy', counter([100, 30])), offset('busy', counter([100, 30])),
      ],
      alerts: [
        { at: '19m', alert: 'HookwatchExporterStalled', firing: [] },
        { at: '20m', alert: 'HookwatchExporterStalled', firing: [{ labels: { source: 'stuck', severity: 'warning', condition: 'stalled' }, value: 500 }] },
      ],
    }, {
      name: 'parse errors',
      series: [
        lines('broken', 600), errors('broken', 30), // 5%
        lines('at-limit', 600), errors('at-limit', 6), // exactly 1%
        lines('clean', 600), errors('clean', 0),
      ],
      alerts: [
        { at: '10m', alert: 'HookwatchExporterStalled', firing: [] },
        { at: '11m', alert: 'HookwatchExporterStalled', firing: [{ labels: { source: 'broken', severity: 'warning', condition: 'parse_errors' }, value: 0.05 }] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });

  it('Watchdog fires from the first evaluation and keeps firing', () => {
    const watchdog = { labels: { severity: 'info' }, value: 1 };
    const r = promtoolTest(config, [{
      name: 'watchdog',
      series: [],
      alerts: [
        { at: '0m', alert: 'Watchdog', firing: [watchdog] },
        { at: '3h', alert: 'Watchdog', firing: [watchdog] },
      ],
    }]);
    expect(r.ok, r.out).toBe(true);
  });
});
