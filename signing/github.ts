/**
 * GitHub (docs: "Validating webhook deliveries").
 *
 * - key: the secret as UTF-8;
 * - signed: the raw body only, lowercase hex HMAC-SHA256;
 * - header: `X-Hub-Signature-256: sha256=<hex>`; `X-GitHub-Delivery` carries the id;
 * - window: none. GitHub signs no timestamp, so there is nothing to check;
 *   a replayed delivery verifies forever, and with any `X-GitHub-Delivery`.
 *   Only a receiver remembering the body's digest (ours does, for the
 *   idempotency TTL) can refuse one.
 *
 * One signature slot: the first secret signs; verify accepts any secret.
 */
import { anyMatch, hmacSha256, signedDigest, toBytes, utf8Key } from './mac.js';
import { readHeader } from './request.js';
import type { Scheme, VerifyResult } from './types.js';

const SIGNATURE = 'X-Hub-Signature-256';
const DELIVERY = 'X-GitHub-Delivery';
const PREFIX = 'sha256=';

/** `X-Hub-Signature-256` plus `X-GitHub-Delivery` as the id. */
export const github: Scheme = {
  headers(input, mac) {
    const sig = mac(utf8Key(input.secrets[0]!), toBytes(input.body)).toString('hex');
    return { [DELIVERY]: input.id, [SIGNATURE]: `${PREFIX}${sig}` };
  },

  verify(input): VerifyResult {
    const sig = readHeader(input.headers, SIGNATURE);
    if (!sig.ok) return sig;
    if (!sig.value.startsWith(PREFIX)) return { ok: false, reason: 'malformed' };

    const body = toBytes(input.body);
    const expected = input.secrets.map((s) => hmacSha256(utf8Key(s), body).toString('hex'));
    if (!anyMatch([sig.value.slice(PREFIX.length)], expected)) return { ok: false, reason: 'mismatch' };
    // The delivery id is informational: GitHub does not sign it.
    const id = readHeader(input.headers, DELIVERY);
    const digest = signedDigest(body);
    return id.ok ? { ok: true, id: id.value, digest } : { ok: true, digest };
  },

  replayProtected: () => false,
};
