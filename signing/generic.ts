/**
 * Generic HMAC-SHA256 for in-house senders: the string to sign, the header
 * names, the prefix and the encoding all come from `GenericOptions`.
 *
 * Only what the template names is authenticated: with the default
 * `{id}.{timestamp}.{body}` the id is bound to the event and the timestamp
 * is signed and checked ±tolerance. A template without `{id}` (the old
 * default `{timestamp}.{body}`) leaves the id header unsigned; one without
 * `{timestamp}` has no replay window at all.
 */
import { anyMatch, hmacSha256, message, signedDigest, utf8Key } from './mac.js';
import { checkWindow, parseTimestamp, readHeader } from './request.js';
import { SigningError, type GenericOptions, type Scheme, type VerifyResult } from './types.js';

type Part = { literal: string } | { field: 'id' | 'timestamp' | 'body' };

/** `"{timestamp}.{body}"` → timestamp, ".", body. Unknown braces stay literal. */
export function parseTemplate(template: string): Part[] {
  // split() with a capture group alternates literal text and placeholder names.
  return template.split(/\{(id|timestamp|body)\}/).map((s, i) => (i % 2 === 1 ? { field: s as 'id' | 'timestamp' | 'body' } : { literal: s }));
}

/** True when the template signs `field`. */
function signs(parts: readonly Part[], field: 'id' | 'timestamp' | 'body'): boolean {
  return parts.some((p) => 'field' in p && p.field === field);
}

/** Why the options cannot sign safely, or undefined when they can. */
function optionsProblem(g: GenericOptions): SigningError | undefined {
  if (!signs(parseTemplate(g.template), 'body')) {
    return new SigningError('generic.template', `got "${g.template}", expected a template containing {body}`);
  }
  if (g.encoding !== 'hex' && g.encoding !== 'base64') return new SigningError('generic.encoding', `got "${String(g.encoding)}", expected one of hex, base64`);
  const names = [g.header, g.timestampHeader, g.idHeader];
  if (names.some((n) => !n) || new Set(names.map((n) => n.toLowerCase())).size !== names.length) {
    return new SigningError('generic.header', 'expected three different, non-empty header names (header, timestampHeader, idHeader)');
  }
  return undefined;
}

function signedBytes(parts: readonly Part[], id: string, timestamp: string, body: string | Uint8Array): Buffer {
  return message(...parts.map((p) => ('literal' in p ? p.literal : p.field === 'body' ? body : p.field === 'id' ? id : timestamp)));
}

/** `idHeader`, `timestampHeader` and `header` (prefix + MAC); the first secret signs. */
export const generic: Scheme = {
  headers(input, mac, g) {
    const problem = optionsProblem(g);
    if (problem) throw problem;
    const ts = String(input.timestamp);
    const signed = signedBytes(parseTemplate(g.template), input.id, ts, input.body);
    const sig = mac(utf8Key(input.secrets[0]!), signed).toString(g.encoding);
    return { [g.idHeader]: input.id, [g.timestampHeader]: ts, [g.header]: `${g.prefix}${sig}` };
  },

  verify(input, g): VerifyResult {
    // Bad options are the receiver's config, not the request; verify still must not throw.
    if (optionsProblem(g)) return { ok: false, reason: 'malformed' };
    const parts = parseTemplate(g.template);
    const uses = (f: 'id' | 'timestamp') => signs(parts, f);

    const sig = readHeader(input.headers, g.header);
    if (!sig.ok) return sig;
    // Headers the template does not sign are not required.
    const id = readHeader(input.headers, g.idHeader);
    if (uses('id') && !id.ok) return id;
    const ts = readHeader(input.headers, g.timestampHeader);
    if (uses('timestamp') && !ts.ok) return ts;

    const timestamp = ts.ok ? parseTimestamp(ts.value) : undefined;
    if ((uses('timestamp') && timestamp === undefined) || !sig.value.startsWith(g.prefix)) return { ok: false, reason: 'malformed' };

    const signed = signedBytes(parts, id.ok ? id.value : '', ts.ok ? ts.value : '', input.body);
    const expected = input.secrets.map((s) => hmacSha256(utf8Key(s), signed).toString(g.encoding));
    if (!anyMatch([sig.value.slice(g.prefix.length)], expected)) return { ok: false, reason: 'mismatch' };

    const ok = { ok: true, ...(id.ok ? { id: id.value } : {}), digest: signedDigest(signed) } as const;
    if (!uses('timestamp') || timestamp === undefined) return ok;
    return checkWindow(timestamp, input, true) ?? { ...ok, timestamp };
  },

  /** Only a signed timestamp can be checked against a window. */
  replayProtected: (g) => signs(parseTemplate(g.template), 'timestamp'),
};
