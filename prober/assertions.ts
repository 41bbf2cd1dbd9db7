/**
 * Checks a response against an endpoint's expectations: status codes,
 * body text, JSON fields and latency limits.
 */
import type { Expectations } from '../config/index.js';

export interface Verdict {
  readonly ok: boolean;
  /** Which rule failed: `status` or the other assertions. */
  readonly failed?: 'status' | 'assertion';
  readonly degraded: boolean;
  readonly detail: string;
}

export function statusAccepted(status: number, accepted: readonly (number | string)[]): boolean {
  return accepted.some((a) => (typeof a === 'number' ? a === status : a === `${Math.floor(status / 100)}xx`));
}

/** Reads a dotted path (`checks.db.status`, `items.0.id`) from parsed JSON. */
export function jsonPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function evaluate(expect: Expectations, status: number, body: string, durationSeconds: number): Verdict {
  const degraded = expect.degradedAfterSeconds !== undefined && durationSeconds > expect.degradedAfterSeconds;
  if (!statusAccepted(status, expect.status)) {
    return { ok: false, failed: 'status', degraded, detail: `status ${status}, expected ${expect.status.join(' or ')}` };
  }
  if (expect.bodyContains !== undefined && !body.includes(expect.bodyContains)) {
    return { ok: false, failed: 'assertion', degraded, detail: `body does not contain ${JSON.stringify(expect.bodyContains)}` };
  }
  if (expect.json) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { ok: false, failed: 'assertion', degraded, detail: 'body is not JSON' };
    }
    for (const [path, want] of Object.entries(expect.json)) {
      const got = jsonPath(parsed, path);
      if (got !== want) return { ok: false, failed: 'assertion', degraded, detail: `${path} is ${JSON.stringify(got)}, expected ${JSON.stringify(want)}` };
    }
  }
  if (expect.failAfterSeconds !== undefined && durationSeconds > expect.failAfterSeconds) {
    return { ok: false, failed: 'assertion', degraded: true, detail: `took ${durationSeconds.toFixed(3)}s, limit ${expect.failAfterSeconds}s` };
  }
  return { ok: true, degraded, detail: degraded ? `slow: ${durationSeconds.toFixed(3)}s` : 'ok' };
}
