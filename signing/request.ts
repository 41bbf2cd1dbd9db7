/**
 * Reading what a request claims: headers looked up in any case, timestamps
 * parsed strictly, replay windows. Also the checks on a sender's own input.
 */
import { SigningError, type SignInput, type VerifyFailed, type VerifyInput } from './types.js';

/** A header value, or the rejection to return as it is. */
export type HeaderRead = { ok: true; value: string } | { ok: false; reason: 'missing_header' | 'malformed' };

/**
 * Finds `name` in any case. An empty value counts as missing. Two different
 * values (repeated header, or keys differing only in case) are `malformed`:
 * picking one would let a proxy and the receiver disagree on which was checked.
 */
export function readHeader(headers: VerifyInput['headers'], name: string): HeaderRead {
  const wanted = name.toLowerCase();
  const values = new Set<string>();
  for (const [key, raw] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || raw === undefined) continue;
    for (const v of typeof raw === 'string' ? [raw] : raw) {
      const t = String(v).trim();
      if (t !== '') values.add(t);
    }
  }
  if (values.size === 0) return { ok: false, reason: 'missing_header' };
  if (values.size > 1) return { ok: false, reason: 'malformed' };
  return { ok: true, value: values.values().next().value! };
}

/** The first header found among `names`: Svix accepts `svix-*` and `webhook-*`. */
export function readFirstHeader(headers: VerifyInput['headers'], names: readonly string[]): HeaderRead {
  let last: HeaderRead = { ok: false, reason: 'missing_header' };
  for (const n of names) {
    last = readHeader(headers, n);
    if (last.ok || last.reason !== 'missing_header') return last;
  }
  return last;
}

/**
 * Unix seconds as plain decimal digits, else undefined. Strict on purpose:
 * `parseInt("12abc")` would accept a header the sender never wrote. Callers
 * sign the header text itself, not the number re-printed, so the bytes
 * checked are the bytes sent.
 */
export function parseTimestamp(text: string): number | undefined {
  return /^[0-9]{1,12}$/.test(text) ? Number(text) : undefined;
}

/**
 * Replay window. `twoSided` adds the `future` check that Standard Webhooks
 * makes; Stripe and Slack only reject old timestamps. Exactly `tolerance`
 * away is accepted, as in every vendor library. The rejection, or undefined
 * inside the window.
 */
export function checkWindow(timestamp: number, input: VerifyInput, twoSided: boolean): VerifyFailed | undefined {
  if (input.nowSeconds - timestamp > input.toleranceSeconds) return { ok: false, reason: 'stale' };
  if (twoSided && timestamp - input.nowSeconds > input.toleranceSeconds) return { ok: false, reason: 'future' };
  return undefined;
}

/** A sender's mistakes are bugs or bad config: fail loudly before signing. */
export function checkSignInput(input: SignInput): void {
  if (input.secrets.length === 0) throw new SigningError('secrets', 'got none, expected at least one secret');
  input.secrets.forEach((s, i) => {
    if (s === '') throw new SigningError(`secrets[${i}]`, 'got an empty string, expected a secret');
  });
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) {
    throw new SigningError('timestamp', `got ${input.timestamp}, expected unix seconds as a non-negative integer`);
  }
}
