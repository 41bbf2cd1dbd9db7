/**
 * amtool (the real 0.25 binary) on the `maintenance` case: the config with
 * `time_intervals` (with `location`) passes `check-config`, and `config
 * routes test` shows that an endpoint in a window settles on its own muted
 * route, still bound for the receivers it has outside maintenance, while the
 * Watchdog and other endpoints route as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALERTMANAGER_FILE } from '../../../alerts/index.js';
import { loadCase, runTool, writeGenerated } from './support.js';

const file = join(writeGenerated(loadCase('maintenance')), ALERTMANAGER_FILE);
type Route = { matchers?: string[]; mute_time_intervals?: string[]; routes?: Route[]; receiver?: string };
const doc = parse(readFileSync(file, 'utf8')) as { route: Route; time_intervals: { name: string }[] };

function tree(labels: Record<string, string>): { receivers: string; path: string[] } {
  const r = runTool('amtool', ['config', 'routes', 'test', '--tree', `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)]);
  if (!r.ok) throw new Error(r.out);
  // stdout (the tree, then the receivers on the last line), then amtool's warning on stderr.
  const lines = r.out.replace(/Warning:.*$/s, '').trim().split('\n');
  return { receivers: lines[lines.length - 1]!.trim(), path: lines.filter((l) => /[└├]──/.test(l)).map((l) => l.replace(/^[\s│├└─]+/, '')) };
}

/** The first top-level route amtool's path went through, by its matchers. */
function topRoute(path: string[]): Route {
  const first = path[1]!.replace(/\s+receiver:.*$/, '');
  return doc.route.routes!.find((r) => `{${(r.matchers ?? []).join(',')}}` === first)!;
}

const alert = (alertname: string, severity: string, endpoint?: string) => ({ alertname, severity, ...(endpoint ? { endpoint } : {}) });

describe('amtool: maintenance windows', () => {
  it('check-config accepts time_intervals with location', () => {
    const r = runTool('amtool', ['check-config', file]);
    expect(r.ok, r.out).toBe(true);
    expect(doc.time_intervals.map((t) => t.name)).toEqual(['maintenance-nightly-deploy', 'maintenance-datacenter-move']);
  });

  it.each([
    ['payments-primary critical', alert('WebhookEndpointDown', 'critical', 'payments-primary'), 'pagerduty,slack', ['maintenance-nightly-deploy', 'maintenance-datacenter-move']],
    ['payments-primary warning', alert('WebhookHighFailureRate', 'warning', 'payments-primary'), 'slack', ['maintenance-nightly-deploy', 'maintenance-datacenter-move']],
    ['payments-backup keeps its override', alert('WebhookEndpointDown', 'critical', 'payments-backup'), 'slack', ['maintenance-datacenter-move']],
    ['crm.sync is only in the one-off window', alert('WebhookEndpointDown', 'critical', 'crm.sync'), 'pagerduty,slack', ['maintenance-datacenter-move']],
  ])('%s: its own muted route, the same receivers', (_n, labels, receivers, mute) => {
    const { receivers: got, path } = tree(labels);
    expect(got).toBe(receivers);
    const top = topRoute(path);
    expect(top.matchers).toEqual([`endpoint="${labels.endpoint}"`]);
    expect(top.mute_time_intervals).toEqual(mute);
    expect(new Set(top.routes!.map((r) => JSON.stringify(r.mute_time_intervals)))).toEqual(new Set([JSON.stringify(mute)]));
  });

  it.each([
    ['the Watchdog is never muted', alert('Watchdog', 'info'), 'null'],
    ['an endpoint from the logs only is never muted', alert('WebhookHighFailureRate', 'critical', 'from-logs'), 'pagerduty,slack'],
  ])('%s', (_n, labels, receivers) => {
    const { receivers: got, path } = tree(labels);
    expect(got).toBe(receivers);
    expect(topRoute(path)?.mute_time_intervals).toBeUndefined();
  });
});
