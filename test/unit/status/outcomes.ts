/** Probe outcomes for the status page's unit tests. */
import type { ProbeOutcome } from '../../../prober/types.js';

/** A successful delivery probe of `primary` at `t`, overridable field by field. */
export function outcome(t: number, over: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return {
    endpoint: 'primary', check: 'delivery', result: 'success', success: true, degraded: false, status: 202,
    durationSeconds: 0.05, phases: { dns: 0.001, connect: 0.002, ttfb: 0.04, transfer: 0.007 }, startedAt: t, detail: 'ok',
    ...over,
  };
}

/** A failed probe (connection refused) at `t`. */
export function failure(t: number, over: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return outcome(t, { result: 'connect_error', success: false, status: 0, durationSeconds: 0.001, phases: {}, detail: 'connect ECONNREFUSED 127.0.0.1:1', ...over });
}
