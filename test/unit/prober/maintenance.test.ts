import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../../config/index.js';
import { oneOffSpecs } from '../../../config/normalize/maintenance.js';
import { activeMaintenance, maintenanceMs, specMatches, windowActive, windowSegments } from '../../../prober/maintenance.js';
import { configFromYaml } from '../../support/config.js';

const MIN = 60_000;
const t = (s: string) => Date.parse(s);

function windows(yaml: string): readonly MaintenanceWindow[] {
  return configFromYaml(`endpoints:\n  - { name: a, url: "https://a.example/h" }\n  - { name: b, url: "https://b.example/h" }\nmaintenance:\n${yaml}`).maintenance;
}

describe('one-off windows compile exactly', () => {
  it('their UTC specs hold exactly [start, end), at every minute edge (fast-check)', () => {
    const minute = fc.integer({ min: Date.UTC(2024, 0, 1) / MIN, max: Date.UTC(2031, 0, 1) / MIN });
    fc.assert(fc.property(minute, fc.integer({ min: 1, max: 80 * 1440 }), fc.array(fc.integer({ min: -2, max: 80 * 1440 + 2 }), { minLength: 1, maxLength: 20 }), (s, len, probes) => {
      const start = s * MIN;
      const end = start + len * MIN;
      const specs = oneOffSpecs(start, end);
      for (const at of [start - 1, start, end - 1, end, ...probes.map((p) => start + p * MIN), ...probes.map((p) => start + p * MIN - 1)]) {
        const inside = at >= start && at < end;
        if (specs.some((sp) => specMatches(sp, at)) !== inside) return false;
      }
      return true;
    }), { numRuns: 300 });
  });
});

describe('weekly windows in a time zone', () => {
  const [w] = windows('  - { name: n, endpoints: [a], time_zone: Europe/Berlin, weekly: [{ weekdays: [friday], times: { start: "22:00", end: "02:30" } }] }\n');

  it('follow the zone\'s clock, daylight saving included, and cross midnight', () => {
    // Friday 2026-12-04 22:00 in Berlin is 21:00 UTC (winter); Friday 2026-07-03 22:00 is 20:00 UTC (summer).
    expect(windowActive(w!, t('2026-12-04T20:59:59Z'))).toBe(false);
    expect(windowActive(w!, t('2026-12-04T21:00:00Z'))).toBe(true);
    expect(windowActive(w!, t('2026-12-05T01:29:59Z'))).toBe(true);
    expect(windowActive(w!, t('2026-12-05T01:30:00Z'))).toBe(false);
    expect(windowActive(w!, t('2026-07-03T20:00:00Z'))).toBe(true);
    expect(windowActive(w!, t('2026-07-03T19:59:00Z'))).toBe(false);
    expect(windowActive(w!, t('2026-12-03T21:00:00Z'))).toBe(false);
  });

  it('report the end of the stretch they are in, across the midnight split', () => {
    expect(activeMaintenance([w!], 'a', t('2026-12-04T21:10:00Z'))).toEqual({ windows: ['n'], until: t('2026-12-05T01:30:00Z') });
    expect(activeMaintenance([w!], 'b', t('2026-12-04T21:10:00Z'))).toBeUndefined();
    expect(activeMaintenance([w!], 'a', t('2026-12-04T12:00:00Z'))).toBeUndefined();
  });

  it('count the time in maintenance of a period, overlaps once', () => {
    const both = windows(`  - { name: n, endpoints: [a], time_zone: Europe/Berlin, weekly: [{ weekdays: [friday], times: { start: "22:00", end: "02:30" } }] }
  - { name: o, start: "2026-12-05T01:00:00Z", end: "2026-12-05T02:00:00Z" }
`);
    // Friday 21:00Z → Saturday 01:30Z is 4.5 h; the one-off adds 01:30–02:00Z.
    expect(maintenanceMs(both, 'a', t('2026-12-04T00:00:00Z'), t('2026-12-06T00:00:00Z'))).toBe(5 * 3600_000);
    expect(maintenanceMs(both, 'b', t('2026-12-04T00:00:00Z'), t('2026-12-06T00:00:00Z'))).toBe(3600_000);
    expect(windowSegments(w!, t('2026-12-04T22:00:00Z'), t('2026-12-12T00:00:00Z'))).toEqual([
      [t('2026-12-04T22:00:00Z'), t('2026-12-05T01:30:00Z')],
      [t('2026-12-11T21:00:00Z'), t('2026-12-12T00:00:00Z')],
    ]);
  });
});

describe('webhook_maintenance', () => {
  it('is 1 for the endpoints inside a window at scrape time, 0 for the others', async () => {
    const { Prober } = await import('../../../prober/index.js');
    const config = configFromYaml(`endpoints:\n  - { name: a, url: "https://a.example/h" }\n  - { name: b, url: "https://b.example/h" }
maintenance:\n  - { name: o, endpoints: [a], start: "2026-12-05T01:00:00Z", end: "2026-12-05T02:00:00Z" }\n`);
    let now = t('2026-12-05T01:30:00Z') / 1000;
    const prober = new Prober(config, { version: 'test', now: () => now });
    const series = async () => (await prober.metrics.metrics()).split('\n').filter((l) => l.startsWith('webhook_maintenance{'));
    expect(await series()).toEqual(['webhook_maintenance{endpoint="a"} 1', 'webhook_maintenance{endpoint="b"} 0']);
    now = t('2026-12-05T02:00:00Z') / 1000;
    expect(await series()).toEqual(['webhook_maintenance{endpoint="a"} 0', 'webhook_maintenance{endpoint="b"} 0']);
  });
});
