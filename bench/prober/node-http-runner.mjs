// The floor under hookwatch's figures: bare node:http doing COUNT POSTs at
// CONCURRENCY on fresh connections (an agent without keep-alive, as the
// prober's), nothing else loaded: no config, no signing, no metrics. Same
// protocol with the parent as hookwatch-runner.mjs.
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';

const [url, count, concurrency] = [new URL(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])];
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const body = '{"id":"evt_bench","type":"bench.event"}';
const lines = createInterface({ input: process.stdin });
console.log(JSON.stringify({ ready: true, rss: process.memoryUsage().rss }));
await new Promise((resolve) => lines.once('line', resolve));

const post = () => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
    res.resume();
    res.once('end', () => resolve({ ok: res.statusCode === 200, seconds: (performance.now() - t0) / 1000 }));
  });
  req.once('error', reject);
  req.end(body);
});

const durations = new Float64Array(count);
let next = 0;
let failures = 0;
const start = performance.now();
await Promise.all(Array.from({ length: concurrency }, async () => {
  while (next < count) {
    const i = next++;
    const r = await post().catch(() => ({ ok: false, seconds: NaN }));
    if (!r.ok) failures += 1;
    durations[i] = r.seconds;
  }
}));
const elapsed = (performance.now() - start) / 1000;
console.log(JSON.stringify({ durations: [...durations], elapsed, failures }));
lines.once('close', () => process.exit(0));
