/**
 * Standard Webhooks (https://www.standardwebhooks.com) and Svix, which is
 * the same algorithm under `svix-*` header names.
 *
 * - key: base64-decoded secret after an optional `whsec_` prefix;
 * - signed: `${id}.${timestamp}.${body}`, base64 HMAC-SHA256;
 * - header: space-separated `v1,<b64>` list, one per active secret;
 * - window: ±tolerance, as all the reference libraries check both ways.
 */
import { anyMatch, hmacSha256, message, signedDigest } from './mac.js';
import { checkWindow, parseTimestamp, readFirstHeader } from './request.js';
import { SigningError, type Scheme, type VerifyResult } from './types.js';

const SECRET_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The HMAC key of a `whsec_…` secret, or undefined if it is not base64.
 * Node's decoder silently skips bad characters, so the text is checked first.
 */
export function standardWebhooksKey(secret: string): Uint8Array | undefined {
  const b64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!BASE64.test(b64) || b64.length % 4 === 1) return undefined;
  const key = Buffer.from(b64, 'base64');
  return key.length > 0 ? key : undefined;
}

/**
 * Keys of the secrets signed with lately, so a sender (the prober signs on
 * every probe) decodes each secret once, not on every request. Bounded: a
 * sender with more secrets than this starts over.
 */
const KEYS = new Map<string, Uint8Array | undefined>();
const MAX_KEYS = 1024;

function signingKey(secret: string): Uint8Array | undefined {
  let key = KEYS.get(secret);
  if (key === undefined && !KEYS.has(secret)) {
    if (KEYS.size >= MAX_KEYS) KEYS.clear();
    key = standardWebhooksKey(secret);
    KEYS.set(secret, key);
  }
  return key;
}

/** The header names one flavour writes, and the ones it reads in order. */
interface Names {
  id: string;
  timestamp: string;
  signature: string;
  /** Svix receivers also accept the unbranded names. */
  fallback?: { id: string; timestamp: string; signature: string };
}

function makeScheme(names: Names): Scheme {
  const read = (k: 'id' | 'timestamp' | 'signature') => [names[k], ...(names.fallback ? [names.fallback[k]] : [])];

  return {
    headers(input, mac) {
      const keys = input.secrets.map((s, i) => {
        const key = signingKey(s);
        if (!key) throw new SigningError(`secrets[${i}]`, `expected "${SECRET_PREFIX}" followed by base64 (a Standard Webhooks secret)`);
        return key;
      });
      const signed = message(`${input.id}.${input.timestamp}.`, input.body);
      return {
        [names.id]: input.id,
        [names.timestamp]: String(input.timestamp),
        [names.signature]: keys.map((k) => `v1,${mac(k, signed).toString('base64')}`).join(' '),
      };
    },

    verify(input): VerifyResult {
      const id = readFirstHeader(input.headers, read('id'));
      if (!id.ok) return id;
      const ts = readFirstHeader(input.headers, read('timestamp'));
      if (!ts.ok) return ts;
      const sig = readFirstHeader(input.headers, read('signature'));
      if (!sig.ok) return sig;

      const timestamp = parseTimestamp(ts.value);
      if (timestamp === undefined) return { ok: false, reason: 'malformed' };
      const entries = sig.value.split(/\s+/).map((e) => e.split(','));
      if (!entries.some((e) => e.length === 2 && e[0] !== '' && e[1] !== '')) return { ok: false, reason: 'malformed' };
      // Other versions (v1a is ed25519) are skipped, as the reference library does.
      const received = entries.filter((e) => e.length === 2 && e[0] === 'v1').map((e) => e[1]!);

      const signed = message(`${id.value}.${ts.value}.`, input.body);
      const expected = input.secrets.flatMap((s) => {
        const key = standardWebhooksKey(s);
        return key ? [hmacSha256(key, signed).toString('base64')] : [];
      });
      // The timestamp is only trusted once the signature covering it checks out.
      if (!anyMatch(received, expected)) return { ok: false, reason: 'mismatch' };
      return checkWindow(timestamp, input, true) ?? { ok: true, id: id.value, timestamp, digest: signedDigest(signed) };
    },

    replayProtected: () => true,
  };
}

/** `webhook-id`, `webhook-timestamp`, `webhook-signature`. */
export const standardWebhooks: Scheme = makeScheme({ id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' });

/** `svix-id`, `svix-timestamp`, `svix-signature`; reads `webhook-*` too, like the `svix` library. */
export const svix: Scheme = makeScheme({
  id: 'svix-id',
  timestamp: 'svix-timestamp',
  signature: 'svix-signature',
  fallback: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
});
