/**
 * Drives the prober's metrics through their public API the way the prober
 * does (targets in both modes, an opted-in endpoint, label values that need
 * escaping, every kind of update, a removal and a re-creation), so the
 * exposition can be compared with the one prom-client rendered before the
 * prober had its own store (`fixtures/prom-client-exposition.txt`).
 */
import { PHASES, type Check, type ProbeResult } from '../../../catalog/index.js';
import type { ProberMetrics } from '../../../prober/metrics.js';
import type { ProbeOutcome } from '../../../prober/types.js';

/** An endpoint name with every character the exposition escapes. */
export const AWKWARD = 'we"ird\\name\nline2';

function outcome(endpoint: string, check: Check, result: ProbeResult, i: number): ProbeOutcome {
  return {
    endpoint, check, result, success: result === 'success', degraded: false, status: result === 'success' ? 200 : 503,
    durationSeconds: 0.05 + 0.37 * i, phases: Object.fromEntries(PHASES.map((p, k) => [p, 0.001 * (k + 1) * (i + 1)])),
    startedAt: 1_700_000_000 + i, detail: '',
    ...(i % 2 ? { tlsExpiry: 1_800_000_000 + i, rateLimit: { remaining: 5 - i, limit: 10, resetSeconds: 30.5 } } : {}),
  };
}

export function exercise(m: ProberMetrics): void {
  const targets: Array<[string, Check, 'full' | 'compact']> = [
    ['alpha', 'delivery', 'compact'], ['alpha', 'health', 'compact'],
    [AWKWARD, 'delivery', 'full'], ['beta', 'delivery', 'compact'], ['gamma', 'health', 'full'],
  ];
  for (const [e, c, mode] of targets) m.initTarget(e, c, 'eu-1', mode);
  const results: ProbeResult[] = ['success', 'timeout', 'success', 'http_error', 'success', 'connect_error'];
  results.forEach((r, i) => {
    for (const [e, c] of targets) m.record(outcome(e, c, r, i), 'eu-1');
    for (const [e, c] of targets) m.drift(e, c, 0.0004 * i);
  });
  m.skipped('alpha', 'delivery');
  m.skipped(AWKWARD, 'delivery');
  m.reloaded(true);
  m.reloaded(false);
  m.reloaded(true);
  m.removeEndpoint('beta', 'eu-1');
  m.removeTarget('alpha', 'health', 'eu-1');
  m.initTarget('alpha', 'health', 'eu-1', 'full');
  m.record(outcome('alpha', 'health', 'success', 2), 'eu-1');
  m.maintenanceFrom(() => ({ endpoints: ['alpha', AWKWARD, 'gamma'], inside: new Set([AWKWARD]) }));
}
