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

/** Replaces `{{id}}`, `{{type}}`, `{{timestamp}}`, `{{iso_time}}`, `{{endpoint}}`, JSON-string-escaped. */
export function renderBody(template: string, values: { id: string; type: string; timestamp: number; endpoint: string }): string {
  const map: Record<string, string> = {
    id: values.id,
    type: values.type,
    timestamp: String(values.timestamp),
    iso_time: new Date(values.timestamp * 1000).toISOString(),
    endpoint: values.endpoint,
  };
  return template.replace(/\{\{\s*(id|type|timestamp|iso_time|endpoint)\s*\}\}/g, (_, k: string) => JSON.stringify(map[k]).slice(1, -1));
}

export function syntheticEvent(opts: { id: string; nowSeconds: number; events: readonly string[]; sequence: number; endpoint: string; template?: string }): SyntheticEvent {
  const type = opts.events[opts.sequence % opts.events.length] ?? 'hookwatch.test';
  const timestamp = Math.floor(opts.nowSeconds);
  const body = renderBody(opts.template ?? DEFAULT_BODY_TEMPLATE, { id: opts.id, type, timestamp, endpoint: opts.endpoint });
  return { id: opts.id, type, timestamp, body };
}
