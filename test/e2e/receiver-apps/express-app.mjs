// A team's own Express receiver, instrumented with hookwatch/receiver and
// nothing else of hookwatch: the e2e test starts it, signs traffic for it and
// has a real Prometheus scrape its registry. Prints its URL on stdout.
import express from 'express';
import { Registry } from 'prom-client';
import { createWebhook, expressWebhook, TemporaryError } from 'hookwatch/receiver';

const registry = new Registry();
const hook = createWebhook({ endpoint: process.env.ENDPOINT, scheme: 'stripe', secrets: [process.env.SECRET], registry });

const app = express();
app.post('/webhook', expressWebhook(hook, async (event) => {
  await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
  if (event.type === 'payment.flaky' && event.payload.attempt === 1) throw new TemporaryError('ledger busy');
}));
app.get('/metrics', async (_req, res) => {
  res.set('content-type', registry.contentType).send(await registry.metrics());
});
const server = app.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })));
process.on('SIGTERM', () => server.close(() => hook.close().then(() => process.exit(0))));
