/**
 * Fastify (tested with 5): a plugin that adds the webhook route. Inside the
 * plugin (and only there: plugins encapsulate their parsers) every body is
 * taken as a Buffer, so the rest of the app keeps its JSON parsing.
 *
 *   app.register(fastifyWebhook(hook, async (event) => { ... }), { path: '/webhook' })
 */
import { type Webhook, type WebhookHandler, type WebhookResponse } from './webhook.js';

/** What the plugin needs of a Fastify instance, reply and request (no runtime import of fastify). */
export interface FastifyLikeReply {
  code(status: number): FastifyLikeReply;
  headers(h: Record<string, string>): FastifyLikeReply;
  send(body: unknown): unknown;
}
export interface FastifyLikeRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}
export interface FastifyLikeInstance {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(type: string, opts: { parseAs: 'buffer'; bodyLimit?: number }, parser: (req: unknown, body: Buffer, done: (err: Error | null, body?: Buffer) => void) => void): void;
  post(path: string, handler: (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown>): unknown;
}

export interface FastifyWebhookOptions {
  /** The route inside the plugin's prefix. Default `/webhook`. */
  readonly path?: string;
}

export function fastifyWebhook(hook: Webhook, handler: WebhookHandler): (app: FastifyLikeInstance, opts: FastifyWebhookOptions) => Promise<void> {
  return async (app, opts) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: hook.maxBodyBytes }, (_req, body, done) => done(null, body));
    app.post(opts.path ?? '/webhook', async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const r: WebhookResponse = await hook.handle({ headers: request.headers, body }, handler);
      return reply.code(r.status).headers({ 'content-type': 'application/json', ...r.headers }).send(r.body);
    });
  };
}
