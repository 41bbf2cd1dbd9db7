/**
 * Express (tested with 5): a route handler. It takes the raw body from
 * `express.raw()` when that ran (req.body is a Buffer), else reads the stream
 * itself; a body already parsed by `express.json()` cannot be verified, and
 * is passed to `next` as an error saying so.
 *
 *   app.post('/webhook', expressWebhook(hook, async (event) => { ... }))
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rawBodyOr413, send } from './node.js';
import type { Webhook, WebhookHandler } from './webhook.js';

/** What the middleware needs of Express' request: node's, with the body a parser may have set. */
export type ExpressLikeRequest = IncomingMessage & { body?: unknown };
export type ExpressLikeMiddleware = (req: ExpressLikeRequest, res: ServerResponse, next: (err?: unknown) => void) => void;

export const PARSED_BODY_ERROR = 'hookwatch/receiver: the webhook body was already parsed (express.json() ran first), so its signature cannot be checked: register the webhook route before express.json(), or give it express.raw({ type: "*/*" })';

export function expressWebhook(hook: Webhook, handler: WebhookHandler): ExpressLikeMiddleware {
  return (req, res, next) => {
    const run = async () => {
      let body: Buffer | Awaited<ReturnType<typeof rawBodyOr413>>;
      if (Buffer.isBuffer(req.body)) body = req.body;
      // A parser other than express.raw() read the stream: the bytes are gone.
      else if (req.readableEnded) return next(new Error(PARSED_BODY_ERROR));
      else body = await rawBodyOr413(hook, req);
      send(res, Buffer.isBuffer(body) ? await hook.handle({ headers: req.headers, body }, handler) : body);
    };
    run().catch(next);
  };
}
