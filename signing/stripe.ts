/**
 * Stripe (`stripe/stripe-node:src/Webhooks.ts`).
 *
 * - key: the whole `whsec_…` secret as UTF-8 bytes, NOT base64-decoded
 *   (the big difference from Standard Webhooks despite the same prefix);
 * - signed: `${t}.${body}`, lowercase hex HMAC-SHA256;
 * - header: `Stripe-Signature: t=<ts>,v1=<hex>[,v1=<hex>…]`, one v1 per secret;
 * - window: stale only; Stripe accepts timestamps from the future.
 */
import { anyMatch, hmacSha256, message, signedDigest, utf8Key } from './mac.js';
import { checkWindow, parseTimestamp, readHeader } from './request.js';
import type { Scheme, VerifyResult } from './types.js';

const HEADER = 'Stripe-Signature';

/** `t` and every `v1` of a header, or undefined when either is absent or `t` repeats. */
function parseHeader(value: string): { t: string; v1: string[] } | undefined {
  let t: string | undefined;
  const v1: string[] = [];
  for (const item of value.split(',')) {
    const eq = item.indexOf('=');
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim();
    const val = item.slice(eq + 1).trim();
    if (key === 't') {
      // Two timestamps: Stripe keeps the last, a proxy may read the first.
      if (t !== undefined) return undefined;
      t = val;
    } else if (key === 'v1') {
      v1.push(val);
    }
  }
  return t !== undefined && v1.length > 0 ? { t, v1 } : undefined;
}

/** `Stripe-Signature` with one `v1` per active secret. */
export const stripe: Scheme = {
  headers(input, mac) {
    const signed = message(`${input.timestamp}.`, input.body);
    const v1 = input.secrets.map((s) => `,v1=${mac(utf8Key(s), signed).toString('hex')}`).join('');
    return { [HEADER]: `t=${input.timestamp}${v1}` };
  },

  verify(input): VerifyResult {
    const header = readHeader(input.headers, HEADER);
    if (!header.ok) return header;
    const parsed = parseHeader(header.value);
    const timestamp = parsed && parseTimestamp(parsed.t);
    if (!parsed || timestamp === undefined) return { ok: false, reason: 'malformed' };

    const signed = message(`${parsed.t}.`, input.body);
    const expected = input.secrets.map((s) => hmacSha256(utf8Key(s), signed).toString('hex'));
    // Signature first, as Stripe does: an unauthenticated `t` proves nothing.
    if (!anyMatch(parsed.v1, expected)) return { ok: false, reason: 'mismatch' };
    return checkWindow(timestamp, input, false) ?? { ok: true, timestamp, digest: signedDigest(signed) };
  },

  replayProtected: () => true,
};
