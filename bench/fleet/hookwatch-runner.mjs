// The fleet benchmark's hookwatch: the real daemon part (`startProber`, as
// `hookwatch probe` runs it: prober, status page with its history, HTTP
// server) on the config given, plus a recorder of every probe's schedule
// drift and reported duration into preallocated typed arrays (a few MiB,
// counted in the RSS). Protocol, one line each on stdout/stdin:
//   → {"url": "http://127.0.0.1:port"}
//   ← "mark"    (start measuring: clears the recorder)
//   ← "report"  → {"drift": {...}, "error": {...}, "probes", "failures", "history": {...}}
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { parseConfig } from '../../dist/config/index.js';
import { silentLogger } from '../../dist/daemon/index.js';
import { startProber } from '../../dist/cli/parts/prober.js';

const [file, delayMs, capacity] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const config = parseConfig(readFileSync(file, 'utf8'), { file, dir: dirname(file), env: {} });
const running = await startProber(config, { log: silentLogger });
const m = running.prober.metrics;
const drift = new Float32Array(capacity);
const error = new Float32Array(capacity);
let nd = 0;
let ne = 0;
let failures = 0;
const record = m.record.bind(m);
const onDrift = m.drift.bind(m);
m.record = (o, region) => {
  record(o, region);
  if (!o.success) failures += 1;
  else if (ne < capacity) error[ne++] = o.durationSeconds - delayMs / 1000;
};
m.drift = (endpoint, check, seconds) => {
  onDrift(endpoint, check, seconds);
  if (nd < capacity) drift[nd++] = seconds;
};
console.log(JSON.stringify({ url: running.url }));
const summary = (a, n) => {
  const s = a.slice(0, n).sort();
  const q = (p) => (n ? s[Math.min(n - 1, Math.ceil(p * n) - 1)] : NaN);
  return { n, p50: q(0.5), p99: q(0.99), max: n ? s[n - 1] : NaN };
};
const lines = createInterface({ input: process.stdin });
lines.on('line', async (l) => {
  if (l === 'mark') { nd = 0; ne = 0; failures = 0; return; }
  if (l === 'report') {
    const status = await fetch(`${running.url}/api/status`).then((r) => r.json());
    console.log(JSON.stringify({ drift: summary(drift, nd), error: summary(error, ne), failures, history: status.history ?? { size: status.historySize } }));
  }
});
lines.on('close', async () => { await running.part.stop(); process.exit(0); });
