/**
 * Stand-ins for the SaaS APIs Alertmanager notifies, which cannot be reached
 * from here: each checks every request against the vendor's documented
 * format and answers as the vendor does.
 *  - Slack incoming webhooks (https://api.slack.com/messaging/webhooks):
 *    POST application/json with `text`, `blocks` or `attachments`; answers
 *    200 "ok", or 400 "invalid_payload" / "no_text".
 *  - PagerDuty Events API v2 (https://developer.pagerduty.com/api-reference/
 *    368ae3d938c9e-send-an-event-to-pager-duty): POST /v2/enqueue JSON with
 *    routing_key (32 characters), event_action trigger|acknowledge|resolve,
 *    dedup_key (at most 255), and for trigger a payload with summary (at most
 *    1024), source and severity critical|error|warning|info; answers 202
 *    {status: "success", message: "Event processed", dedup_key}, or 400
 *    {status: "invalid event", message, errors}.
 *  - A generic Alertmanager webhook (the heartbeat): version "4" payloads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpServer, readBody, type TestServer } from '../support/servers.js';

export interface Notification {
  readonly at: number;
  readonly status: 'firing' | 'resolved';
  readonly alertname: string;
  readonly endpoint?: string;
  readonly severity?: string;
}

export interface Capture {
  readonly server: TestServer;
  readonly url: string;
  readonly received: Notification[];
  /** Requests that broke the vendor's format (must stay empty). */
  readonly invalid: string[];
}

/**
 * "[FIRING:1] WebhookEndpointDown (payments-primary)" → parts. A group of
 * several alerts names each ("A, B"): `alertname` is then that whole list.
 */
export function parseTitle(title: string): { status: 'firing' | 'resolved'; alertname: string; endpoint?: string } | undefined {
  const m = /^\[(FIRING|RESOLVED)(?::\d+)?\] (\S+(?:, \S+)*)(?: \(([^)]+)\))?$/.exec(title.trim());
  if (!m) return undefined;
  return { status: m[1] === 'FIRING' ? 'firing' : 'resolved', alertname: m[2]!, ...(m[3] ? { endpoint: m[3] } : {}) };
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  return JSON.parse(await readBody(req)) as unknown;
}

function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim() === 'application/json';
}

export async function slackCapture(channel: string): Promise<Capture> {
  const received: Notification[] = [];
  const invalid: string[] = [];
  const reject = (res: ServerResponse, why: string, code = 'invalid_payload') => {
    invalid.push(why);
    res.writeHead(400, { 'content-type': 'text/plain' }).end(code);
  };
  const server = await httpServer(async (req, res) => {
    if (req.method !== 'POST' || !isJson(req)) return reject(res, `${req.method} ${req.headers['content-type']}`);
    let body: Record<string, unknown>;
    try {
      body = (await jsonBody(req)) as Record<string, unknown>;
    } catch {
      return reject(res, 'body is not JSON');
    }
    const attachments = body.attachments as { title?: unknown; text?: unknown }[] | undefined;
    if (typeof body.text !== 'string' && !Array.isArray(body.blocks) && !(Array.isArray(attachments) && attachments.length > 0)) return reject(res, 'no text, blocks or attachments', 'no_text');
    if (body.channel !== channel) return reject(res, `channel ${String(body.channel)}`, 'channel_not_found');
    const a = attachments?.[0];
    if (typeof a?.title !== 'string' || typeof a.text !== 'string' || a.text === '') return reject(res, 'attachment without title or text');
    const t = parseTitle(a.title);
    if (!t) return reject(res, `title ${a.title}`);
    received.push({ at: Date.now(), ...t });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  return { server, url: `${server.url}/services/T000/B000/e2e`, received, invalid };
}

const PD_SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);
const PD_ACTIONS = new Set(['trigger', 'acknowledge', 'resolve']);

export async function pagerDutyCapture(routingKey: string): Promise<Capture> {
  const received: Notification[] = [];
  const invalid: string[] = [];
  const server = await httpServer(async (req, res) => {
    const errors: string[] = [];
    let body: Record<string, unknown> = {};
    if (req.method !== 'POST' || req.url !== '/v2/enqueue') errors.push(`${req.method} ${req.url}`);
    if (!isJson(req)) errors.push(`content-type ${req.headers['content-type']}`);
    try {
      body = (await jsonBody(req)) as Record<string, unknown>;
    } catch {
      errors.push('body is not JSON');
    }
    if (body.routing_key !== routingKey) errors.push('routing_key is not the one in the routing key file');
    if (typeof body.routing_key !== 'string' || body.routing_key.length !== 32) errors.push('routing_key must be 32 characters');
    if (!PD_ACTIONS.has(String(body.event_action))) errors.push(`event_action ${String(body.event_action)}`);
    if (typeof body.dedup_key !== 'string' || body.dedup_key.length > 255) errors.push('dedup_key');
    const payload = body.payload as { summary?: unknown; source?: unknown; severity?: unknown } | undefined;
    if (body.event_action === 'trigger') {
      if (typeof payload?.summary !== 'string' || payload.summary.length === 0 || payload.summary.length > 1024) errors.push('payload.summary');
      if (typeof payload?.source !== 'string' || payload.source === '') errors.push('payload.source');
      if (!PD_SEVERITIES.has(String(payload?.severity))) errors.push(`payload.severity ${String(payload?.severity)}`);
    }
    for (const l of (body.links as { href?: unknown }[] | undefined) ?? []) {
      if (typeof l.href !== 'string' || !/^https?:\/\//.test(l.href)) errors.push(`links.href ${String(l.href)}`);
    }
    if (errors.length) {
      invalid.push(errors.join('; '));
      return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'invalid event', message: 'Event object is invalid', errors }));
    }
    const t = parseTitle(String(payload?.summary ?? ''));
    received.push({
      at: Date.now(),
      status: body.event_action === 'resolve' ? 'resolved' : 'firing',
      alertname: t?.alertname ?? '?',
      ...(t?.endpoint ? { endpoint: t.endpoint } : {}),
      ...(payload?.severity ? { severity: String(payload.severity) } : {}),
    });
    res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: body.dedup_key }));
  });
  return { server, url: `${server.url}/v2/enqueue`, received, invalid };
}

export async function webhookCapture(): Promise<Capture> {
  const received: Notification[] = [];
  const invalid: string[] = [];
  const server = await httpServer(async (req, res) => {
    try {
      const body = (await jsonBody(req)) as { version?: string; status?: string; alerts?: { labels: Record<string, string> }[] };
      if (body.version !== '4' || !Array.isArray(body.alerts)) throw new Error('not an Alertmanager webhook payload');
      for (const a of body.alerts) received.push({ at: Date.now(), status: body.status === 'resolved' ? 'resolved' : 'firing', alertname: a.labels.alertname ?? '?', ...(a.labels.endpoint ? { endpoint: a.labels.endpoint } : {}) });
      res.writeHead(200).end();
    } catch (err) {
      invalid.push((err as Error).message);
      res.writeHead(400).end();
    }
  });
  return { server, url: `${server.url}/heartbeat`, received, invalid };
}
