// Runs hookwatch's prober core COUNT times at CONCURRENCY against URL,
// exactly as the daemon does per scheduled run (signed delivery probe on a
// fresh connection, metrics recorded); the protocol with the parent is drive.mjs's.
import { parseConfig } from '../../dist/config/index.js';
import { processMetrics } from '../../dist/daemon/index.js';
import { Prober } from '../../dist/prober/index.js';
import { drive } from './drive.mjs';

const [url, count, concurrency] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const config = parseConfig(`endpoints:
  - name: bench
    url: ${url}
    events: [bench.event]
    signing: { scheme: standard-webhooks, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }
    checks: { delivery: { expect: { status: [200] } } }
prober: { timeout_seconds: 10 }
`, { file: 'bench.yaml', dir: process.cwd(), env: {} });
const prober = new Prober(config, { version: 'bench' });
const target = prober.targets[0];
// One scrape at the end, as Prometheus would do: the page /metrics serves (the
// prober's store, then the process metrics, whose prom-client loads at the first scrape).
await drive(count, concurrency, () => prober.probe(target), async () => {
  await prober.metrics.metrics();
  await processMetrics({ component: 'prober' });
});
