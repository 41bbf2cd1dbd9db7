/**
 * Public types of the signing module, the scheme names, and the one error it throws.
 * Kept apart from `index.ts` so the per-scheme files can import them
 * without importing the dispatch table.
 */

/** Every signing scheme the prober can send and a receiver can check; the one list of their names. */
export const SCHEME_NAMES = ['standard-webhooks', 'svix', 'stripe', 'github', 'slack', 'hmac-sha256'] as const;
export type SchemeName = (typeof SCHEME_NAMES)[number];

/** Shape of the generic `hmac-sha256` scheme; the vendor schemes ignore it. */
export interface GenericOptions {
  /** Header carrying the signature, e.g. `X-Webhook-Signature`. */
  header: string;
  /** Written before the encoded MAC, e.g. `sha256=`; may be empty. */
  prefix: string;
  encoding: 'hex' | 'base64';
  /** String to sign with `{id}`, `{timestamp}`, `{body}` placeholders, e.g. `{timestamp}.{body}`. */
  template: string;
  timestampHeader: string;
  idHeader: string;
}

/** What a sender signs. */
export interface SignInput {
  id: string;
  /** Unix seconds, a non-negative integer. */
  timestamp: number;
  /** Signed as exact bytes: a string is taken as UTF-8. */
  body: string | Uint8Array;
  /** Every active secret signs (rotation); schemes with one signature slot use the first. */
  secrets: readonly string[];
}

/** What a receiver checks. Nothing here is trusted. */
export interface VerifyInput {
  /** Header names in any case; array values as some HTTP stacks give them. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The exact raw bytes received, before any JSON parsing. */
  body: string | Uint8Array;
  /** A signature made with any one of these is accepted. */
  secrets: readonly string[];
  /** Injected clock, unix seconds. */
  nowSeconds: number;
  /** Replay window; a timestamp exactly this far away is still accepted. */
  toleranceSeconds: number;
}

/** Why a request was rejected; a closed set so it can be a metric label. */
export type VerifyFailure = 'missing_header' | 'malformed' | 'mismatch' | 'stale' | 'future';

/** A rejected request is a result, never an exception. */
export type VerifyResult = VerifyOk | VerifyFailed;
export interface VerifyFailed {
  ok: false;
  reason: VerifyFailure;
}

/**
 * A verified request: `digest` is the SHA-256 (hex) of the bytes the
 * signature covers (body, and the timestamp and id where the scheme signs
 * them). Two requests with the same digest are the same authenticated
 * message, even if unsigned headers or the list of signatures differ.
 */
export interface VerifyOk {
  ok: true;
  /** The event id from a header; signed only where the scheme signs it. */
  id?: string;
  /** The signed timestamp, where the scheme signs one. */
  timestamp?: number;
  digest: string;
}

/** Computes a MAC; `forgeHeaders` swaps in one that is deliberately wrong. */
export type MacFn = (key: Uint8Array, message: Uint8Array) => Buffer;

/** One scheme's sign and verify; picked from a table by `SchemeName`. */
export interface Scheme {
  headers(input: SignInput, mac: MacFn, generic: GenericOptions): Record<string, string>;
  verify(input: VerifyInput, generic: GenericOptions): VerifyResult;
  /** True when verify signs a timestamp and refuses one outside the tolerance window. */
  replayProtected(generic: GenericOptions): boolean;
}

/**
 * Thrown by `signHeaders`/`forgeHeaders` for inputs the caller controls
 * (secrets, timestamp, options); never by `verify`.
 */
export class SigningError extends Error {
  readonly code = 'HOOKWATCH_SIGNING_INVALID';
  override readonly name = 'SigningError';
  /** Which input was wrong: `secrets[0]`, `timestamp`, `generic.template`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}
