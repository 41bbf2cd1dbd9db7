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
import { SigningError, type GenericOptions, type MacFn, type Scheme, type SchemeName, type SignInput, type VerifyInput, type VerifyResult } from './types.js';

export type { GenericOptions, SchemeName, SignInput, VerifyFailure, VerifyInput, VerifyResult } from './types.js';
export { SigningError };
export { standardWebhooksKey } from './standard-webhooks.js';

/** Every scheme, one implementation each; the mapped type fails the build if one is missing. */
const SCHEMES: { readonly [K in SchemeName]: Scheme } = {
  'standard-webhooks': standardWebhooks,
  svix,
  stripe,
  github,
  slack,
  'hmac-sha256': generic,
};

/** Scheme names in table order, for messages and tests. */
export const SCHEME_NAMES = Object.keys(SCHEMES) as readonly SchemeName[];

/** The generic scheme's defaults; the same values the config schema fills in. */
export const DEFAULT_GENERIC: GenericOptions = Object.freeze({
  header: 'X-Webhook-Signature',
  prefix: '',
  encoding: 'hex',
  template: '{timestamp}.{body}',
  timestampHeader: 'X-Webhook-Timestamp',
  idHeader: 'X-Webhook-Id',
});

function build(scheme: SchemeName, input: SignInput, mac: MacFn, g: GenericOptions): Record<string, string> {
  const impl = SCHEMES[scheme] as Scheme | undefined;
  if (!impl) throw new SigningError('scheme', `got "${String(scheme)}", expected one of ${SCHEME_NAMES.join(', ')}`);
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
