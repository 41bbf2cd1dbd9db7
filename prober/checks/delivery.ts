/**
 * `delivery`: a signed POST of a synthetic event, as the endpoint's real
 * sender would make it. A 401/403 to a correctly signed event means the
 * receiver rejects our signature: a secret or configuration problem.
 */
import { evaluate } from '../assertions.js';
import { parseRateLimit, signatureHeaders, syntheticEvent } from '../../http/index.js';
import type { CheckFn, ProbeOutcome } from '../types.js';
import { send } from './send.js';

export const probeDelivery: CheckFn = async (target, env) => {
  const e = target.endpoint;
  const startedAt = env.nowSeconds();
  const event = syntheticEvent({ id: env.newId(), nowSeconds: startedAt, events: e.events, sequence: env.sequence, endpoint: e.name, ...(target.check.body !== undefined ? { template: target.check.body } : {}) });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...signatureHeaders(e.signing, event) };
  const out = await send(target, { url: e.url, method: target.check.method === 'PUT' ? 'PUT' : 'POST', headers, body: event.body });
  const base = { endpoint: e.name, check: 'delivery' as const, startedAt, durationSeconds: out.durationSeconds, phases: out.phases, requestHeaders: headers, ...(out.tlsExpiry !== undefined ? { tlsExpiry: out.tlsExpiry } : {}) };
  if (!out.response) {
    return { ...base, result: out.failure!.result, success: false, degraded: false, status: 0, detail: out.failure!.detail };
  }
  const r = out.response;
  const rateLimit = parseRateLimit(r.headers, startedAt);
  const verdict = evaluate(target.check.expect, r.status, r.body, out.durationSeconds);
  const result: ProbeOutcome['result'] = verdict.ok
    ? 'success'
    : verdict.failed === 'status'
      ? (r.status === 401 || r.status === 403) && e.signing ? 'rejected_signature' : 'http_error'
      : 'assertion_failed';
  return { ...base, result, success: verdict.ok, degraded: verdict.degraded, status: r.status, detail: verdict.detail, ...(rateLimit ? { rateLimit } : {}) };
};
