/**
 * HTTP routes of the reference receiver:
 *   POST /webhook          verify, de-duplicate, enqueue, answer 202
 *   GET  /webhook-health   {status, details}, 200 or 503
 *   GET  /dlq              dead-lettered events
 *   POST /dlq/replay       replay all, or {"ids": [...]}
 *   GET|PUT /admin/faults  fault injection (when admin is enabled)
 * Every response carries X-Request-ID (taken from the request or created).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listen } from '../daemon/index.js';
import { BodyTooLarge, readRawBody } from '../receiver-kit/body.js';
import { header, readEvent } from '../receiver-kit/event.js';
import { parseFaultPatch } from './fault-patch.js';
import type { Receiver } from './receiver.js';

const MAX_BODY = 1024 * 1024;

export interface RunningReceiver {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  try {
    return await readRawBody(req, MAX_BODY);
  } catch (err) {
    if (err instanceof BodyTooLarge) return null;
    throw err;
  }
}

async function webhook(r: Receiver, req: IncomingMessage, res: ServerResponse, rid: Record<string, string>): Promise<void> {
  const requestId = rid['x-request-id']!;
  const decision = r.faults.decide();
  if (decision.kind === 'down') {
    // An outage looks like one to the sender: the connection is dropped.
    req.socket.destroy();
    return;
  }
  const delay = r.faults.latencyMs();
  if (delay > 0) await new Promise((ok) => setTimeout(ok, delay));
  if (decision.kind === 'rate_limited') return send(res, 429, { error: 'rate limited' }, { ...rid, ...decision.headers });
  if (decision.kind === 'error') return send(res, decision.status, { error: 'injected failure' }, rid);
  const rl = decision.rateLimitHeaders ?? {};
  const body = await readBody(req);
  if (body === null) return send(res, 413, { error: `body over ${MAX_BODY} bytes` }, rid);

  let event: { id: string; type: string; payload: unknown };
  let release = async (): Promise<void> => undefined;
  if (r.webhook) {
    // Signature, replay window (keyed on what the signature covers) and event reading: the library's verify.
    const v = r.faults.current.rejectSignatures
      ? ({ ok: false, status: 401, rejection: 'signature', reason: 'mismatch', error: 'signature mismatch' } as const)
      : await r.webhook.verify({ headers: req.headers, body });
    if (!v.ok) {
      if (v.rejection === 'signature') r.log(requestId).warn('signature rejected', { reason: v.reason });
      if (v.rejection === 'replayed') r.log(requestId).warn('replayed request rejected');
      return send(res, v.status, { error: v.error }, { ...rid, ...rl });
    }
    event = v.event;
    release = v.release;
  } else {
    const e = readEvent(body, req.headers);
    if (!e.ok) return send(res, 400, { error: e.error }, { ...rid, ...rl });
    event = e;
  }
  const { id, type, payload } = event;
  if (r.store.has(id)) {
    r.duplicate(id, type, requestId);
    return send(res, 200, { duplicate: true, id }, { ...rid, ...rl });
  }
  if (!r.accept(id, type, payload, requestId)) {
    // Not taken, so not remembered: the sender may send it again.
    await release();
    return send(res, 503, { error: 'queue full' }, { ...rid, ...rl, 'retry-after': '5' });
  }
  send(res, 202, { accepted: true, id }, { ...rid, ...rl });
}

async function route(r: Receiver, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = header(req.headers, 'x-request-id') ?? r.newRequestId();
  const rid = { 'x-request-id': requestId };
  const path = (req.url ?? '/').split('?')[0];
  const method = req.method ?? 'GET';
  if (path === '/webhook' && method === 'POST') return webhook(r, req, res, rid);
  if (path === '/webhook-health' && method === 'GET') {
    if (r.faults.isDown()) return void req.socket.destroy();
    const h = r.health();
    return send(res, h.status === 'healthy' ? 200 : 503, h, rid);
  }
  if (path === '/dlq' && method === 'GET') return send(res, 200, { size: r.dlq.size, events: r.dlq.list() }, rid);
  if (path === '/dlq/replay' && method === 'POST') {
    const body = await readBody(req);
    let ids: string[] | undefined;
    if (body && body.length) {
      try {
        const parsed = JSON.parse(body.toString('utf8')) as { ids?: unknown };
        if (parsed.ids !== undefined && (!Array.isArray(parsed.ids) || !parsed.ids.every((x) => typeof x === 'string'))) throw new Error('ids');
        ids = parsed.ids as string[] | undefined;
      } catch {
        return send(res, 400, { error: 'expected {"ids": ["evt_…"]} or an empty body' }, rid);
      }
    }
    const replayed = r.replayDlq(ids);
    return send(res, 200, { replayed: replayed.length, ids: replayed }, rid);
  }
  if (path === '/admin/faults' && r.config.admin) {
    if (method === 'GET') return send(res, 200, r.faults.current, rid);
    if (method === 'PUT' || method === 'PATCH') {
      const body = await readBody(req);
      const patch = parseFaultPatch(body?.toString('utf8') ?? '');
      if ('error' in patch) return send(res, 400, { error: patch.error }, rid);
      r.log(requestId).info('faults changed', { patch: patch.value });
      return send(res, 200, r.faults.update(patch.value), rid);
    }
  }
  send(res, 404, { error: `no route ${method} ${path}` }, rid);
}

export async function startReceiverServer(r: Receiver): Promise<RunningReceiver> {
  const server = createServer((req, res) => {
    route(r, req, res).catch((err: Error) => {
      r.log(header(req.headers, 'x-request-id') ?? '-').error('handler failed', { error: err });
      send(res, 500, { error: 'internal error' });
    });
  });
  const { host, port } = r.config.listen;
  const url = await listen(server, { host, port, field: `receivers[${r.endpoint}].listen` });
  return {
    url,
    server,
    close: () => new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}
