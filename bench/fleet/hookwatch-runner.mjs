// The fleet benchmark's hookwatch: the real daemon part (`startProber`, as
// `hookwatch probe` runs it: prober, status page with its history, HTTP
// server) on the config given, plus a recorder of every probe's schedule
// drift and reported duration into preallocated typed arrays (a few MiB,
// counted in the RSS), and the event loop's delay (monitorEventLoopDelay).
// Protocol, one line each on stdout/stdin:
//   → {"url": "http://127.0.0.1:port"}
//   ← "mark"    (start measuring: clears the recorder)
//   ← "report"  → {"drift": {...}, "error": {...}, "failures", "loop": {...}}  (the window since "mark")
//   ← "loop"    → {"max", "p99"} of the event loop's delay (s) since the last "report" or "loop"
// Diagnostics (env): FLEET_DIAG=1 logs to stderr every event-loop stall over
// 100 ms and every GC pause over 50 ms, with the time; FLEET_CPU_PROF=file
// writes a CPU profile of the window ("mark" to "report"); FLEET_HEAP_SNAPSHOT=file
// writes a heap snapshot at "report" (V8 collects garbage before taking it)
// and logs the heap's spaces.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
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
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const loopFigures = () => {
  const out = { max: loop.max / 1e9, p99: loop.percentile(99) / 1e9 };
  loop.reset();
  return out;
};

const diag = (...a) => console.error(`[runner ${new Date().toISOString().slice(11, 23)}]`, ...a);
if (process.env.FLEET_DIAG) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    // The process's CPU over the gap: much less than the gap means it waited for a core, not for its own work.
    const used = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    if (now - last > 200) diag(`event loop stalled ${(now - last - 100).toFixed(0)} ms`, `cpu ${used.toFixed(0)} ms over ${(now - last).toFixed(0)} ms`, `rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB`);
    last = now;
    lastCpu = cpu;
  }, 100).unref();
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 50) diag(`gc ${e.detail?.kind} ${e.duration.toFixed(0)} ms`);
  }).observe({ entryTypes: ['gc'] });
}
let profiler;

console.log(JSON.stringify({ url: running.url }));
const summary = (a, n) => {
  const s = a.slice(0, n).sort();
  const q = (p) => (n ? s[Math.min(n - 1, Math.ceil(p * n) - 1)] : NaN);
  return { n, p50: q(0.5), p99: q(0.99), max: n ? s[n - 1] : NaN };
};
const lines = createInterface({ input: process.stdin });
lines.on('line', async (l) => {
  if (l === 'mark') {
    nd = 0; ne = 0; failures = 0;
    loop.reset();
    if (process.env.FLEET_CPU_PROF) {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    return;
  }
  if (l === 'report') {
    // The window's figures, taken before anything else asks the prober for work.
    console.log(JSON.stringify({ drift: summary(drift, nd), error: summary(error, ne), failures, loop: loopFigures() }));
    if (profiler) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(process.env.FLEET_CPU_PROF, JSON.stringify(profile));
      diag(`cpu profile written to ${process.env.FLEET_CPU_PROF}`);
    }
    if (process.env.FLEET_HEAP_SNAPSHOT) {
      diag('heap before the snapshot', JSON.stringify({ ...process.memoryUsage(), spaces: Object.fromEntries(getHeapSpaceStatistics().map((x) => [x.space_name, Math.round(x.space_used_size / 2 ** 20)])) }));
      writeHeapSnapshot(process.env.FLEET_HEAP_SNAPSHOT);
      diag('heap after the snapshot', JSON.stringify(process.memoryUsage()));
    }
    return;
  }
  if (l === 'loop') console.log(JSON.stringify(loopFigures()));
});
lines.on('close', async () => { await running.part.stop(); process.exit(0); });
