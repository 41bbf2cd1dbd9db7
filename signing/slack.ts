/**
 * Slack request signing, version v0 (docs: "Verifying requests from Slack").
 *
 * - key: the signing secret as UTF-8;
 * - signed: `v0:${timestamp}:${body}`, lowercase hex HMAC-SHA256;
 * - headers: `X-Slack-Request-Timestamp`, `X-Slack-Signature: v0=<hex>`;
 * - window: stale only, as Bolt's `verifySlackRequest` checks.
 *
 * One signature slot: the first secret signs; verify accepts any secret.
 */
import { anyMatch, hmacSha256, message, signedDigest, utf8Key } from './mac.js';
import { checkWindow, parseTimestamp, readHeader } from './request.js';
import type { Scheme, VerifyResult } from './types.js';

const TIMESTAMP = 'X-Slack-Request-Timestamp';
const SIGNATURE = 'X-Slack-Signature';
const VERSION = 'v0';

/** `X-Slack-Request-Timestamp` and `X-Slack-Signature`; Slack sends no id header. */
export const slack: Scheme = {
  headers(input, mac) {
    const signed = message(`${VERSION}:${input.timestamp}:`, input.body);
    const sig = mac(utf8Key(input.secrets[0]!), signed).toString('hex');
    return { [TIMESTAMP]: String(input.timestamp), [SIGNATURE]: `${VERSION}=${sig}` };
  },

  verify(input): VerifyResult {
    const ts = readHeader(input.headers, TIMESTAMP);
    if (!ts.ok) return ts;
    const sig = readHeader(input.headers, SIGNATURE);
    if (!sig.ok) return sig;
    const timestamp = parseTimestamp(ts.value);
    if (timestamp === undefined || !sig.value.startsWith(`${VERSION}=`)) return { ok: false, reason: 'malformed' };

    const signed = message(`${VERSION}:${ts.value}:`, input.body);
    const expected = input.secrets.map((s) => hmacSha256(utf8Key(s), signed).toString('hex'));
    if (!anyMatch([sig.value.slice(VERSION.length + 1)], expected)) return { ok: false, reason: 'mismatch' };
    return checkWindow(timestamp, input, false) ?? { ok: true, timestamp, digest: signedDigest(signed) };
  },

  replayProtected: () => true,
};
