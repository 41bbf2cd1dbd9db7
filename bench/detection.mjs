// Detection-latency benchmark: runs the end-to-end alert scenarios N times
// and writes each scenario's median and worst detection time against its
// derived bound to BENCHMARKS.md.
//   npm run bench:detection            (--runs 5 by default)
//
// The scenarios are the e2e test itself (test/e2e/alerts.e2e.test.ts: the
// built CLI's stack, real Prometheus 2.42 and Alertmanager 0.25, capture
// servers), run through vitest with E2E_LATENCY_JSON set: the test writes
// what it measured and the bound test/e2e/detection.ts derived. One harness,
// so the benchmark cannot drift from the test; a fresh stack per run, since
// a fault's windows (a 5m deriv, a 60s rate-limit window) outlast a run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, ROOT, writeSection } from './lib.mjs';

const argv = process.argv.slice(2);
const at = argv.findIndex((a) => a === '--runs' || a.startsWith('--runs='));
const RUNS = at < 0 ? 5 : Number(argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1]);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number ≥ 1');
const VITEST = `${ROOT}node_modules/vitest/vitest.mjs`;
// Only the tests that measure: the quiet period before the faults, and the faults.
const ONLY = 'clean traffic|each fault';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-bench-detection-'));
const bySc = new Map();
const loads = [];
let failedRuns = 0;
for (let run = 1; run <= RUNS; run++) {
  const out = join(dir, `run-${run}.json`);
  const before = loadavg()[0];
  const t = Date.now();
  const r = spawnSync(process.execPath, [VITEST, 'run', 'test/e2e/alerts.e2e.test.ts', '-t', ONLY], {
    cwd: ROOT, env: { ...process.env, E2E_LATENCY_JSON: out }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20,
  });
  loads.push([before, loadavg()[0]]);
  if (r.status !== 0) {
    failedRuns += 1;
    console.error(`run ${run}: vitest exited ${r.status}\n${(r.stdout + r.stderr).slice(-3000)}`);
  }
  const got = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : [];
  for (const l of got) {
    const s = bySc.get(l.scenario) ?? { bound: l.bound, derivation: l.derivation, values: [] };
    s.values.push(l.seconds);
    bySc.set(l.scenario, s);
  }
  console.log(`run ${run}/${RUNS} (${((Date.now() - t) / 1000).toFixed(0)} s, load ${before.toFixed(1)}): ${got.map((l) => `${l.scenario} ${l.seconds.toFixed(1)} s`).join(', ')}`);
}
rmSync(dir, { recursive: true, force: true });

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const f1 = (n) => n.toFixed(1);
// Median and worst are of the runs that were notified; a run that never was counts against the bound.
const rows = [...bySc].sort(([a], [b]) => a.localeCompare(b)).map(([name, s]) => {
  const worst = Math.max(...s.values);
  const within = s.values.filter((v) => v <= s.bound).length;
  const missing = RUNS - s.values.length;
  return `| ${name} | ${f1(s.bound)} | ${f1(median(s.values))} | ${f1(worst)} | ${within}/${RUNS}${missing ? ` (${missing} never notified)` : ''} | ${s.derivation} |`;
});
// Past the bound by more than 3 s is more than the random failure count explains (see the notes).
const far = [...bySc].flatMap(([name, v]) => v.values.filter((x) => x > v.bound + 3).map((x) => `${name} ${f1(x)} s`));
const load = loads.map(([a, b]) => `${f1(a)}→${f1(b)}`).join(', ');

const text = `## Detection latency

Re-run: \`npm run bench:detection\` (\`-- --runs N\`, default 5). Last run: ${new Date().toISOString()}, ${machine()}, ${RUNS} runs${failedRuns ? ` (${failedRuns} with a failing test)` : ''}.
1-minute load average before→after each run: ${load}.

Each run is one fresh run of the end-to-end scenarios (\`test/e2e/alerts.e2e.test.ts\`: the demo's
receivers with injected faults, simulator at 30 events/s over 6 endpoints, exporter, two probers,
real Prometheus 2.42 and Alertmanager 0.25, capture servers for Slack and PagerDuty), with scrape,
evaluation, probe and \`group_wait\` intervals of 1 s and \`for: 4s\`. Detection is the time from
injecting the fault to the capture server receiving the notification. The bound is the latest the
notification should arrive with every phase at its worst alignment (and, for the failure ratio, a
failure count that 9 runs in 10 reach), derived term by term in
\`test/e2e/detection.ts\` (the test asserts only bound + 10 s, so it stays stable on a loaded
machine; this table is where lateness shows).

| scenario | bound (s) | median (s) | worst (s) | runs within bound | bound derived as |
|---|---:|---:|---:|---:|---|
${rows.join('\n')}

- Every bound ends in the same tail: the first evaluation after the condition holds (≤ 1 s),
  \`for\`, \`group_wait\`, and 1 s for the requests in between (probe or delivery, the exporter's
  0.25 s poll, Prometheus → Alertmanager → capture).
- The 20% 5xx scenario's former bound of 12 s (for + scrape + evaluation + group_wait + 5) left out
  the time the 15 s window takes to hold enough failed attempts, so only runs whose failures came
  early met it. The failure ratio passes 10% once
  F(t) > θ·r·(W + e·t) failed attempts are in the window (e = 0.2 of attempts fail, one retry per
  failed event, θ = 0.1, W = 15 s, r = 5 events/s per endpoint): in expectation at
  t = θ·W / (e·(1 + e − θ)) = 6.8 s whatever the rate, but only about 8 failed attempts are needed,
  a random count, so 9 runs in 10 get there by 11.1 s (normal approximation; a Monte Carlo of the
  simulator's schedule gives median 7.4 s, 90th percentile 11.1 s). Its bound uses the 9-in-10
  figure, so one run in ten may pass it on chance alone. The failure series exists only from the
  first failure on, so its first sample is \`rate()\`'s baseline and the failures before it never
  count: one scrape more (avoidable if the exporter started that series at 0).
${far.length ? `- **Past the bound by more than 3 s: ${far.join(', ')}.** That is more than the failure count's
  spread explains and is not understood yet; \`E2E_KEEP=1\` keeps a run's stack (Prometheus data,
  logs) to look at one.
` : ''}- The shared machine's load makes these figures pessimistic: under load the simulator falls behind
  its rate, and the processes' timers and scrapes run late.
`;
writeSection('detection', text);
console.log(text);
if (bySc.size === 0) process.exit(1);
