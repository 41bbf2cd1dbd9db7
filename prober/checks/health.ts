/**
 * `health`: GET the endpoint's health URL. Up iff the status is accepted
 * and, when the body is JSON with a `status` field, that field says healthy.
 */
import { evaluate } from '../assertions.js';
import { parseRateLimit } from '../../http/index.js';
import type { CheckFn, MutableOutcome } from '../types.js';
import { send } from './send.js';

const HEALTHY = new Set(['healthy', 'ok', 'pass', 'up']);

export const probeHealth: CheckFn = async (target, env) => {
  const e = target.endpoint;
  const startedAt = env.nowSeconds();
  const url = e.healthUrl ?? e.url;
  const out = await send(target, { url, method: 'GET', headers: { accept: 'application/json' } });
  const r = out.response;
  // Built as delivery.ts builds its outcome: one literal, optional fields set when present.
  const o: MutableOutcome = {
    endpoint: e.name, check: 'health', result: 'success', success: false, degraded: false, status: r ? r.status : 0,
    durationSeconds: out.durationSeconds, phases: out.phases, startedAt, detail: '',
  };
  if (out.tlsExpiry !== undefined) o.tlsExpiry = out.tlsExpiry;
  if (!r) {
    o.result = out.failure!.result;
    o.detail = out.failure!.detail;
    return o;
  }
  const rateLimit = parseRateLimit(r.headers, startedAt);
  const health = parseHealth(r.body);
  let verdict = evaluate(target.check.expect, r.status, r.body, out.durationSeconds);
  if (verdict.ok && health?.status !== undefined && !HEALTHY.has(health.status.toLowerCase())) {
    verdict = { ok: false, failed: 'assertion', degraded: verdict.degraded, detail: `health status is ${JSON.stringify(health.status)}` };
  }
  o.result = verdict.ok ? 'success' : verdict.failed === 'status' ? 'http_error' : 'assertion_failed';
  o.success = verdict.ok;
  o.degraded = verdict.degraded;
  o.detail = verdict.detail;
  if (rateLimit) o.rateLimit = rateLimit;
  if (health) o.health = health;
  return o;
};

function parseHealth(body: string): { status?: string; details?: unknown } | undefined {
  try {
    const v = JSON.parse(body) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
    const o = v as Record<string, unknown>;
    return {
      ...(typeof o.status === 'string' ? { status: o.status } : {}),
      ...(o.details !== undefined ? { details: o.details } : o.checks !== undefined ? { details: o.checks } : {}),
    };
  } catch {
    return undefined;
  }
}
