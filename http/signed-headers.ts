/**
 * An endpoint's signing config → the headers its real sender adds to one
 * event. The one adapter between config and `signing/` for every sender:
 * the prober's checks, the simulator and the load test.
 */
import type { SigningConfig } from '../config/index.js';
import { forgeHeaders, signHeaders } from '../signing/index.js';

/** What is signed: the event's id, unix-seconds timestamp and exact body. */
export interface SignedEvent {
  readonly id: string;
  readonly timestamp: number;
  readonly body: string;
}

/**
 * No headers for an endpoint without signing. `forged` gives the same
 * headers with well-formed but wrong signatures (`signature_enforcement`).
 */
export function signatureHeaders(signing: SigningConfig | undefined, event: SignedEvent, opts: { readonly forged?: boolean } = {}): Record<string, string> {
  if (!signing) return {};
  const make = opts.forged ? forgeHeaders : signHeaders;
  return make(signing.scheme, { id: event.id, timestamp: event.timestamp, body: event.body, secrets: signing.secrets.map((s) => s.reveal()) }, signing.generic);
}
