/**
 * The synthetic event: a fresh id and timestamp on every send, the event
 * type rotating through the endpoint's `events`.
 */
export interface SyntheticEvent {
  readonly id: string;
  readonly type: string;
  readonly timestamp: number;
  readonly body: string;
}

export const DEFAULT_BODY_TEMPLATE =
  '{"id":"{{id}}","type":"{{type}}","created_at":"{{iso_time}}","data":{"synthetic":true,"source":"hookwatch","endpoint":"{{endpoint}}"}}';

type Field = 'id' | 'type' | 'timestamp' | 'iso_time' | 'endpoint';

/** A template cut at its placeholders: text, field, text, field, …, text. */
interface Compiled { readonly texts: readonly string[]; readonly fields: readonly Field[] }

const PLACEHOLDER = /\{\{\s*(id|type|timestamp|iso_time|endpoint)\s*\}\}/g;
/** What JSON.stringify would escape in a string (quote, backslash, controls, lone surrogates). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Templates come from the config, so there are few: each is cut once, not on every send. */
const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (c) return c;
  const texts: string[] = [];
  const fields: Field[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, m.index));
    fields.push(m[1] as Field);
    last = m.index + m[0].length;
  }
  texts.push(template.slice(last));
  c = { texts, fields };
  compiled.set(template, c);
  return c;
}

const jsonEscaped = (v: string): string => (NEEDS_ESCAPE.test(v) ? JSON.stringify(v).slice(1, -1) : v);

/** Replaces `{{id}}`, `{{type}}`, `{{timestamp}}`, `{{iso_time}}`, `{{endpoint}}`, JSON-string-escaped. */
export function renderBody(template: string, values: { id: string; type: string; timestamp: number; endpoint: string }): string {
  const { texts, fields } = compile(template);
  let out = texts[0]!;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = f === 'timestamp' ? String(values.timestamp) : f === 'iso_time' ? new Date(values.timestamp * 1000).toISOString() : values[f];
    out += jsonEscaped(v) + texts[i + 1]!;
  }
  return out;
}

export function syntheticEvent(opts: { id: string; nowSeconds: number; events: readonly string[]; sequence: number; endpoint: string; template?: string | undefined }): SyntheticEvent {
  const type = opts.events[opts.sequence % opts.events.length] ?? 'hookwatch.test';
  const timestamp = Math.floor(opts.nowSeconds);
  const body = renderBody(opts.template ?? DEFAULT_BODY_TEMPLATE, { id: opts.id, type, timestamp, endpoint: opts.endpoint });
  return { id: opts.id, type, timestamp, body };
}
