/**
 * The three ways to mount the library, each as a real server on port 0:
 * node:http, Express 5 and Fastify 5. Every one also has a JSON route of
 * its own, to show the webhook route's raw-body handling leaves it alone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { expressWebhook, fastifyWebhook, nodeWebhook, type Webhook, type WebhookHandler } from '../../../receiver-kit/index.js';

export type Framework = 'node:http' | 'express' | 'fastify';
export const FRAMEWORKS: readonly Framework[] = ['node:http', 'express', 'fastify'];

export interface Mounted {
  /** The webhook route. */
  readonly url: string;
  /** A JSON echo route next to it (none for node:http). */
  readonly echo?: string;
  close(): Promise<void>;
}

export async function mount(framework: Framework, hook: Webhook, handler: WebhookHandler): Promise<Mounted> {
  if (framework === 'fastify') {
    const app = Fastify();
    await app.register(fastifyWebhook(hook, handler), { path: '/webhook' });
    app.post('/echo', async (req) => ({ echoed: req.body }));
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    return { url: `${base}/webhook`, echo: `${base}/echo`, close: () => app.close() };
  }
  const server = framework === 'express' ? createServer(expressApp(hook, handler)) : createServer(nodeWebhook(hook, handler));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/webhook`,
    ...(framework === 'express' ? { echo: `${base}/echo` } : {}),
    close: () => new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}

function expressApp(hook: Webhook, handler: WebhookHandler): express.Express {
  const app = express();
  // The webhook route first, then the app's JSON parsing for everything else.
  app.post('/webhook', expressWebhook(hook, handler));
  app.post('/raw-webhook', express.raw({ type: '*/*' }), expressWebhook(hook, handler));
  app.use(express.json());
  app.post('/echo', (req, res) => void res.json({ echoed: req.body }));
  app.post('/late-webhook', expressWebhook(hook, handler));
  app.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(500).json({ error: err.message }));
  return app;
}
