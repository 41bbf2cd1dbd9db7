// A team's own Fastify receiver, instrumented with hookwatch/receiver and
// nothing else of hookwatch (see express-app.mjs). Prints its URL on stdout.
import Fastify from 'fastify';
import { Registry } from 'prom-client';
import { createWebhook, fastifyWebhook, PermanentError } from 'hookwatch/receiver';

const registry = new Registry();
const hook = createWebhook({ endpoint: process.env.ENDPOINT, scheme: 'standard-webhooks', secrets: [process.env.SECRET], registry });

const app = Fastify();
await app.register(fastifyWebhook(hook, async (event) => {
  await new Promise((r) => setTimeout(r, 2 + Math.random() * 10));
  if (event.type === 'order.invalid') throw new PermanentError('no such order');
}), { path: '/webhook' });
app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(JSON.stringify({ url }));
process.on('SIGTERM', () => app.close().then(() => hook.close()).then(() => process.exit(0)));
