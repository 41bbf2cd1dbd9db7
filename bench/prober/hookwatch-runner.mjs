// Runs hookwatch's prober core COUNT times at CONCURRENCY against URL,
// exactly as the daemon does per scheduled run (signed delivery probe on a
// fresh connection, metrics recorded). Protocol with the parent, one JSON
// line each on stdout: {"ready":true} → (parent samples /proc, writes "go\n")
// → {"durations":[...], "elapsed": s} → waits for stdin to close.
import { createInterface } from 'node:readline';
import { parseConfig } from '../../dist/config/index.js';
import { processMetrics } from '../../dist/daemon/index.js';
import { Prober } from '../../dist/prober/index.js';

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
const lines = createInterface({ input: process.stdin });
console.log(JSON.stringify({ ready: true, rss: process.memoryUsage().rss }));
await new Promise((resolve) => lines.once('line', resolve));

const durations = new Float64Array(count);
let next = 0;
let failures = 0;
const start = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < count) {
    const i = next++;
    const o = await prober.probe(target);
    if (!o.success) failures += 1;
    durations[i] = o.durationSeconds;
  }
}));
const elapsed = (performance.now() - start) / 1000;
// One scrape, as Prometheus would do: the page /metrics serves (the prober's
// store, then the process metrics, whose prom-client loads at the first scrape).
await prober.metrics.metrics();
await processMetrics({ component: 'prober' });
console.log(JSON.stringify({ durations: [...durations], elapsed, failures }));
lines.once('close', () => process.exit(0));
