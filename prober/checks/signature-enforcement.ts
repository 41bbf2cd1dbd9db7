/**
 * `signature_enforcement`: sends a forged signature and, for schemes with
 * replay protection, a correctly signed but stale one, and expects both
 * refused (4xx by default). It shows whether the receiver really verifies.
 * A scheme without a signed timestamp (GitHub, a generic template without
 * `{timestamp}`) cannot refuse a stale event, so none is sent.
 */
import { hasReplayProtection } from '../../signing/index.js';
import { evaluate } from '../assertions.js';
import { signatureHeaders, syntheticEvent } from '../../http/index.js';
import type { CheckFn, ProbeOutcome } from '../types.js';
import { send } from './send.js';

export const probeSignatureEnforcement: CheckFn = async (target, env) => {
  const e = target.endpoint;
  const startedAt = env.nowSeconds();
  const base = { endpoint: e.name, check: 'signature_enforcement' as const, startedAt, phases: {} };
  const s = e.signing;
  // The config loader refuses this check on an endpoint without signing.
  if (!s) throw new Error(`endpoint ${e.name}: signature_enforcement without signing`);
  const cases: { name: string; forged: boolean; at: number; accepted: string }[] = [
    { name: 'forged signature', forged: true, at: startedAt, accepted: 'the receiver does not verify signatures' },
  ];
  if (hasReplayProtection(s.scheme, s.generic)) {
    // Well outside any tolerance window the receiver may use.
    const stale = startedAt - s.toleranceSeconds - 600;
    cases.push({ name: 'stale timestamp', forged: false, at: stale, accepted: 'the receiver does not check timestamps, so replays get through' });
  }
  let last: ProbeOutcome | undefined;
  let total = 0;
  for (const c of cases) {
    const ev = syntheticEvent({ id: env.newId(), nowSeconds: c.at, events: e.events, sequence: env.sequence, endpoint: e.name });
    const headers = { 'content-type': 'application/json', ...signatureHeaders(s, ev, { forged: c.forged }) };
    const out = await send(target, { url: e.url, method: 'POST', headers, body: ev.body });
    total += out.durationSeconds;
    const withTiming = { ...base, phases: out.phases, durationSeconds: total, requestHeaders: headers };
    if (!out.response) {
      return { ...withTiming, result: out.failure!.result, success: false, degraded: false, status: 0, detail: `${c.name}: ${out.failure!.detail}` };
    }
    const verdict = evaluate(target.check.expect, out.response.status, '', out.durationSeconds);
    if (!verdict.ok) {
      return { ...withTiming, result: 'assertion_failed', success: false, degraded: false, status: out.response.status, detail: `${c.name} accepted with status ${out.response.status}: ${c.accepted}` };
    }
    last = { ...withTiming, result: 'success', success: true, degraded: false, status: out.response.status, detail: `rejected ${cases.map((x) => x.name).join(' and ')}` };
  }
  return last!;
};
