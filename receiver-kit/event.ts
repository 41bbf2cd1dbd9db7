/**
 * What a verified request says about its event: the id (the signed one
 * first, then the payload's `id`, then GitHub's delivery header), the type
 * (the payload's `type`, then GitHub's event header) and when the event was
 * created (`created_at`, Stripe's `created`, a `timestamp` field), which the
 * end-to-end latency is measured from.
 */
import type { VerifyOk } from '../signing/index.js';

export type Headers = Readonly<Record<string, string | string[] | undefined>>;

export function header(headers: Headers, name: string): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const fields = (payload: unknown): Record<string, unknown> => (payload && typeof payload === 'object' ? payload as Record<string, unknown> : {});

export function eventId(verified: Pick<VerifyOk, 'id'> | undefined, payload: unknown, headers: Headers): string | undefined {
  return verified?.id ?? text(fields(payload).id) ?? header(headers, 'x-github-delivery');
}

export function eventType(payload: unknown, headers: Headers): string {
  return text(fields(payload).type) ?? header(headers, 'x-github-event') ?? 'unknown';
}

/** Unix seconds of a time written as ISO 8601 text, or as Unix seconds or milliseconds. */
function unixSeconds(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v > 1e11 ? v / 1000 : v;
  if (typeof v === 'string' && /\d{4}-\d{2}-\d{2}T/.test(v)) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : ms / 1000;
  }
  return undefined;
}

/** When the event was created: a field of the payload, else the signed timestamp, else undefined. */
export function eventTime(payload: unknown, signedTimestamp: number | undefined): number | undefined {
  const p = fields(payload);
  return unixSeconds(p.created_at) ?? unixSeconds(p.created) ?? unixSeconds(p.timestamp) ?? signedTimestamp;
}

export interface EventReaders {
  readonly eventType?: (payload: unknown, headers: Headers) => string;
  readonly eventTime?: (payload: unknown, signedTimestamp: number | undefined) => number | undefined;
}

export type ReadEvent =
  | { readonly ok: true; readonly id: string; readonly type: string; readonly payload: unknown; readonly createdAt?: number }
  | { readonly ok: false; readonly rejection: 'not_json' | 'no_event_id'; readonly error: string };

/** The event a JSON body carries (id, type, payload, creation time), or why it carries none. */
export function readEvent(body: Uint8Array | string, headers: Headers, verified?: Pick<VerifyOk, 'id' | 'timestamp'>, o: EventReaders = {}): ReadEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch {
    return { ok: false, rejection: 'not_json', error: 'body is not JSON' };
  }
  const id = eventId(verified, payload, headers);
  if (!id) return { ok: false, rejection: 'no_event_id', error: 'event has no id' };
  const createdAt = (o.eventTime ?? eventTime)(payload, verified?.timestamp);
  return { ok: true, id, type: (o.eventType ?? eventType)(payload, headers), payload, ...(createdAt !== undefined ? { createdAt } : {}) };
}
