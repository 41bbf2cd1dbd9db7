/**
 * Webhook signing: produce the headers a sender adds, check the headers a
 * receiver gets. Pure: imports nothing of ours, does no I/O, takes the clock
 * as an argument.
 *
 * ```ts
 * const headers = signHeaders('standard-webhooks', { id, timestamp, body, secrets: [current, previous] });
 * verify('standard-webhooks', { headers, body, secrets, nowSeconds, toleranceSeconds: 300 }); // { ok: true, id, timestamp }
 * ```
 */
import { generic } from './generic.js';
import { github } from './github.js';
import { forgedMac, hmacSha256 } from './mac.js';
import { checkSignInput } from './request.js';
import { slack } from './slack.js';
import { standardWebhooks, svix } from './standard-webhooks.js';
import { stripe } from './stripe.js';
import { SCHEME_NAMES, SigningError, type GenericOptions, type MacFn, type Scheme, type SchemeName, type SignInput, type VerifyInput, type VerifyResult } from './types.js';

export type { GenericOptions, SchemeName, SignInput, VerifyFailed, VerifyFailure, VerifyInput, VerifyOk, VerifyResult } from './types.js';
export { SCHEME_NAMES, SigningError };
export { standardWebhooksKey } from './standard-webhooks.js';
export { validateSecret } from './secret.js';

/** Every scheme of `SCHEME_NAMES`, one implementation each; the mapped type fails the build if one is missing. */
const SCHEMES: { readonly [K in SchemeName]: Scheme } = {
  'standard-webhooks': standardWebhooks,
  svix,
  stripe,
  github,
  slack,
  'hmac-sha256': generic,
};

/**
 * The generic scheme's defaults; the config schema fills in these. The
 * template signs the id; it was `{timestamp}.{body}`, which leaves the id
 * header unsigned, and a receiver whose sender still signs that sets
 * `template` explicitly.
 */
export const DEFAULT_GENERIC: GenericOptions = Object.freeze({
  header: 'X-Webhook-Signature',
  prefix: '',
  encoding: 'hex',
  template: '{id}.{timestamp}.{body}',
  timestampHeader: 'X-Webhook-Timestamp',
  idHeader: 'X-Webhook-Id',
});

/** The implementation; throws `SigningError` for a name outside the types (say, from untyped input). */
function schemeOf(scheme: SchemeName): Scheme {
  const impl = SCHEMES[scheme] as Scheme | undefined;
  if (!impl) throw new SigningError('scheme', `got "${String(scheme)}", expected one of ${SCHEME_NAMES.join(', ')}`);
  return impl;
}

function build(scheme: SchemeName, input: SignInput, mac: MacFn, g: GenericOptions): Record<string, string> {
  const impl = schemeOf(scheme);
  checkSignInput(input);
  return impl.headers(input, mac, g);
}

/**
 * The headers to add to a request, id and timestamp headers included.
 * Throws `SigningError` for an unusable secret, timestamp or generic options.
 */
export function signHeaders(scheme: SchemeName, input: SignInput, generic: GenericOptions = DEFAULT_GENERIC): Record<string, string> {
  return build(scheme, input, hmacSha256, generic);
}

/**
 * The same headers with every signature well-formed but wrong, for the
 * prober's `signature_enforcement` check: an endpoint must reject them.
 */
export function forgeHeaders(scheme: SchemeName, input: SignInput, generic: GenericOptions = DEFAULT_GENERIC): Record<string, string> {
  return build(scheme, input, forgedMac, generic);
}

/**
 * Whether a receiver of `scheme` can refuse a replayed request: it signs a
 * timestamp and checks it against the tolerance window. GitHub signs none;
 * the generic scheme only when its template has `{timestamp}`.
 */
export function hasReplayProtection(scheme: SchemeName, generic: GenericOptions = DEFAULT_GENERIC): boolean {
  return schemeOf(scheme).replayProtected(generic);
}

/**
 * Checks a received request. Never throws: a receiver runs this on
 * untrusted input, and an exception there becomes a 500 instead of a 401.
 */
export function verify(scheme: SchemeName, input: VerifyInput, generic: GenericOptions = DEFAULT_GENERIC): VerifyResult {
  try {
    const impl = SCHEMES[scheme] as Scheme | undefined;
    return impl ? impl.verify(input, generic) : { ok: false, reason: 'malformed' };
  } catch {
    // Only reachable through a bug or a caller breaking the types (say, headers: null).
    return { ok: false, reason: 'malformed' };
  }
}
