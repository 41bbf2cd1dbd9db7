/**
 * node:http: a request listener for the webhook route. It reads the raw body
 * itself, so nothing may have read the stream before it.
 *
 *   createServer(nodeWebhook(hook, async (event) => { ... }))
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readRawBody } from './body.js';
import { REQUEST_ID_HEADER, type Webhook, type WebhookHandler, type WebhookResponse } from './webhook.js';

export function send(res: ServerResponse, r: WebhookResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers }).end(JSON.stringify(r.body));
}

/** The body as bytes, or the answer to send instead (413). */
export async function rawBodyOr413(hook: Webhook, req: IncomingMessage): Promise<Buffer | WebhookResponse> {
  try {
    return await readRawBody(req, hook.maxBodyBytes);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    const rid = req.headers[REQUEST_ID_HEADER];
    return { status: 413, headers: typeof rid === 'string' ? { [REQUEST_ID_HEADER]: rid } : {}, body: { error: err.message } };
  }
}

export function nodeWebhook(hook: Webhook, handler: WebhookHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const body = await rawBodyOr413(hook, req);
      send(res, Buffer.isBuffer(body) ? await hook.handle({ headers: req.headers, body }, handler) : body);
    } catch {
      // A client gone mid-body: never an unhandled rejection in the user's server.
      send(res, { status: 500, headers: {}, body: { error: 'internal error' } });
    }
  };
}
