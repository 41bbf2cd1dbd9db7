/**
 * Byte-level helpers shared by every scheme: HMAC, the forged MAC,
 * message assembly over raw bytes, and constant-time comparison.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { MacFn } from './types.js';

/** HMAC-SHA256, the MAC of every supported scheme. */
export const hmacSha256: MacFn = (key, message) => createHmac('sha256', key).update(message).digest();

/**
 * A MAC of the right length and encoding that never verifies: every bit of
 * the real one inverted. Keeping the shape means a receiver that rejects it
 * is checking the signature, not merely parsing the header.
 */
export const forgedMac: MacFn = (key, message) => {
  const mac = hmacSha256(key, message);
  for (let i = 0; i < mac.length; i++) mac[i] = ~mac[i]! & 0xff;
  return mac;
};

/**
 * SHA-256 (hex) of the bytes a signature covers: what a verified request
 * proves, whatever the header's formatting or the secret that signed it.
 * The receiver keys replay detection on it.
 */
export function signedDigest(signed: Uint8Array): string {
  return createHash('sha256').update(signed).digest('hex');
}

/** UTF-8 for strings; bytes are used as they are, never re-encoded. */
export function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

function endsWhole(p: string | Uint8Array): p is string {
  if (typeof p !== 'string') return false;
  const last = p.charCodeAt(p.length - 1);
  return !(last >= 0xd800 && last <= 0xdbff);
}

/** Concatenates text and raw-byte parts, so a binary body is signed exactly. */
export function message(...parts: readonly (string | Uint8Array)[]): Buffer {
  // Text only (every sender's case): one string, one encode, instead of a Buffer per part and their copy;
  // unless a part ends in a lone high surrogate, which joining could pair with the next part's first unit.
  if (parts.every(endsWhole)) return Buffer.from(parts.join(''), 'utf8');
  return Buffer.concat(parts.map(toBytes));
}

/** UTF-8 bytes of a secret used as an HMAC key as-is (Stripe, GitHub, Slack, generic). */
export function utf8Key(secret: string): Uint8Array {
  return Buffer.from(secret, 'utf8');
}

/**
 * Constant-time string comparison. The length check comes first because
 * `timingSafeEqual` throws on unequal lengths; the length of a MAC is public.
 */
export function safeEqual(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when any received signature equals any expected one. */
export function anyMatch(received: readonly string[], expected: readonly string[]): boolean {
  // No early exit inside the loops: the time taken depends only on the counts.
  let found = false;
  for (const r of received) for (const e of expected) if (safeEqual(r, e)) found = true;
  return found;
}
