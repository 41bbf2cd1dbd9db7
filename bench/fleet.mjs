// Fleet benchmark: one hookwatch prober probing N endpoints (delivery and
// health checks every 60 s) vs blackbox_exporter 0.23 driven by a real
// Prometheus 2.42 scraping the same 2N probe targets at 60 s, same
// receivers (a fixed 50 ms delay), same run, one tool after the other.
//   npm run bench:fleet -- --sizes 1000,3000,10000 --minutes 5 [--growth-minutes 2] [--warmup 70] [--no-write] [--skip-peer]
// --skip-peer runs hookwatch alone (while iterating; implies --no-write).
// The runner's diagnostics (FLEET_DIAG, FLEET_CPU_PROF) are described in
// bench/fleet/hookwatch-runner.mjs.
// The largest size runs --minutes, the others --growth-minutes (default:
// --minutes). Prints the markdown table and writes it to BENCHMARKS.md.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { blackboxModule, freePort, machine, procStats, ROOT, sleep, start, writeSection } from './lib.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,3000,10000' },
    minutes: { type: 'string', default: '5' },
    'growth-minutes': { type: 'string' },
    warmup: { type: 'string', default: '70' },
    receivers: { type: 'string', default: '4' },
    'no-write': { type: 'boolean', default: false },
    'skip-peer': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map(Number).sort((a, b) => a - b);
const MINUTES = Number(args.minutes);
const GROWTH_MINUTES = Number(args['growth-minutes'] ?? args.minutes);
const WARMUP_S = Number(args.warmup);
const RECEIVERS = Number(args.receivers);
const DELAY_MS = 50;
const INTERVAL_S = 60;
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const BLACKBOX = `${ROOT}.tools/bin/prometheus-blackbox-exporter`;
const PROMETHEUS = `${ROOT}.tools/bin/prometheus`;
// Prometheus scrapes hookwatch as often as it scrapes blackbox's targets, so both CPU figures include one exposition a minute.
const HOOKWATCH_SCRAPE_S = INTERVAL_S;

const log = (...a) => console.error(`[fleet ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function waitHttp(url, tries = 600) {
  for (let i = 0; i < tries; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* starting */ }
    await sleep(100);
  }
  throw new Error(`${url} did not answer`);
}

async function startReceivers() {
  const rs = [];
  for (let i = 0; i < RECEIVERS; i++) {
    const r = start(process.execPath, [`${ROOT}bench/fleet/receiver.mjs`], { env: { DELAY_MS: String(DELAY_MS) } });
    rs.push({ ...r, base: `http://127.0.0.1:${Number(await r.nextLine())}` });
  }
  return {
    url: (i, path) => `${rs[i % rs.length].base}/e${i}/${path}`,
    /** Lateness of the receivers' own 50 ms timers, merged (worst p99 of the receivers). */
    stats: async () => {
      const all = [];
      for (const r of rs) { r.child.stdin.write('stats\n'); all.push(JSON.parse(await r.nextLine())); }
      return { n: all.reduce((a, s) => a + s.n, 0), p99: Math.max(...all.map((s) => s.p99)) };
    },
    stop: () => Promise.all(rs.map((r) => r.stop())),
  };
}

async function startPrometheus(dir, scrapeConfigs) {
  const port = await freePort();
  const cfg = join(dir, 'prometheus.yml');
  writeFileSync(cfg, `global:\n  scrape_interval: ${INTERVAL_S}s\n  scrape_timeout: 10s\nscrape_configs:\n${scrapeConfigs}`);
  const p = start(PROMETHEUS, [`--config.file=${cfg}`, `--storage.tsdb.path=${join(dir, 'tsdb')}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'], { stderr: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  await waitHttp(`${base}/-/ready`);
  return {
    base,
    query: async (q, time) => {
      const u = `${base}/api/v1/query?query=${encodeURIComponent(q)}${time ? `&time=${time}` : ''}`;
      const body = await fetch(u).then((r) => r.json());
      if (body.status !== 'success') throw new Error(`${q}: ${JSON.stringify(body).slice(0, 300)}`);
      return body.data.result;
    },
    stop: () => { p.child.kill('SIGTERM'); return new Promise((r) => (p.child.exitCode !== null ? r() : p.child.once('exit', r))); },
  };
}

const quantile = (values, q) => {
  const s = Float64Array.from(values).sort();
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] : NaN;
};

/** Times GET /metrics a few times during the run: render + transfer as a client sees it. */
async function timeMetrics(url) {
  const t0 = performance.now();
  const text = await fetch(`${url}/metrics`).then((r) => r.text());
  const seconds = (performance.now() - t0) / 1000;
  let series = 0;
  for (let i = 0; i < text.length;) {
    const j = text.indexOf('\n', i);
    if (text[i] !== '#' && j > i) series += 1;
    i = j < 0 ? text.length : j + 1;
  }
  return { seconds, series, bytes: text.length };
}

async function runHookwatch(n, minutes, dir) {
  const recv = await startReceivers();
  const endpoints = Array.from({ length: n }, (_, i) => `  - name: ep-${String(i).padStart(5, '0')}
    url: ${recv.url(i, 'webhook')}
    health_url: ${recv.url(i, 'health')}
    events: [bench.event]
    signing: { scheme: standard-webhooks, secret: ${SECRET} }
    checks: { delivery: { expect: { status: [200] } } }`).join('\n');
  const file = join(dir, 'hookwatch.yaml');
  writeFileSync(file, `endpoints:\n${endpoints}\nprober:\n  interval: ${INTERVAL_S}s\n  timeout_seconds: 10\n  listen: 127.0.0.1:0\n  metrics: compact\n`);
  const capacity = Math.ceil(n * 2 * (minutes + 2) * (60 / INTERVAL_S));
  const hw = start(process.execPath, [`${ROOT}bench/fleet/hookwatch-runner.mjs`, file, String(DELAY_MS), String(capacity)], { stderr: 'inherit' });
  const { url } = JSON.parse(await hw.nextLine());
  const pid = hw.child.pid;
  const port = new URL(url).port;
  const prom = await startPrometheus(dir, `  - job_name: hookwatch\n    scrape_interval: ${HOOKWATCH_SCRAPE_S}s\n    static_configs: [{ targets: ['127.0.0.1:${port}'] }]\n`);
  log(`hookwatch ${n}: warm-up ${WARMUP_S} s`);
  await sleep(WARMUP_S * 1000);
  hw.child.stdin.write('mark\n');
  await recv.stats(); // resets the receivers' lateness
  const startedAt = Date.now() / 1000;
  const before = procStats(pid);
  const renders = [];
  const end = Date.now() + minutes * 60_000;
  while (Date.now() < end) {
    // Two timed GETs of /metrics per window (their CPU is in hookwatch's figure too).
    await sleep(Math.min((minutes * 60_000) / 3, Math.max(0, end - Date.now())));
    if (Date.now() < end - 1000) renders.push(await timeMetrics(url));
  }
  const after = procStats(pid);
  const measuredSeconds = Date.now() / 1000 - startedAt;
  const receivers = await recv.stats();
  hw.child.stdin.write('report\n');
  const report = JSON.parse(await hw.nextLine());
  // One /api/status (the whole fleet's model), read here, outside the prober's process, timed.
  const t0 = performance.now();
  const statusText = await fetch(`${url}/api/status`).then((r) => r.text());
  const api = { seconds: (performance.now() - t0) / 1000, bytes: statusText.length };
  const status = JSON.parse(statusText);
  hw.child.stdin.write('loop\n');
  api.loopMax = JSON.parse(await hw.nextLine()).max;
  const afterApi = procStats(pid);
  const window = `${Math.round(Date.now() / 1000 - startedAt)}s`;
  const up = await prom.query(`min_over_time(up{job="hookwatch"}[${window}])`);
  const scrapes = await prom.query(`count_over_time(up{job="hookwatch"}[${window}])`);
  const scrapeMax = await prom.query(`max_over_time(scrape_duration_seconds{job="hookwatch"}[${window}])`);
  const samples = await prom.query(`max_over_time(scrape_samples_scraped{job="hookwatch"}[${window}])`);
  await prom.stop();
  await hw.stop();
  await recv.stop();
  const elapsed = after.cpu - before.cpu;
  return {
    cpuPerMinute: (elapsed / measuredSeconds) * 60,
    peakRss: after.peakRss,
    peakRssAfterApi: afterApi.peakRss,
    drift: report.drift,
    error: report.error,
    probes: report.error.n + report.failures,
    failures: report.failures,
    loop: report.loop,
    api,
    history: status.history,
    render: { max: Math.max(...renders.map((r) => r.seconds)), median: quantile(renders.map((r) => r.seconds), 0.5), series: renders.at(-1)?.series, bytes: renders.at(-1)?.bytes },
    scrape: { up: Number(up[0]?.value[1] ?? 0), count: Number(scrapes[0]?.value[1] ?? 0), maxSeconds: Number(scrapeMax[0]?.value[1] ?? NaN), samples: Number(samples[0]?.value[1] ?? NaN) },
    receiverLate: receivers,
  };
}

async function runBlackbox(n, minutes, dir) {
  const recv = await startReceivers();
  const cfg = join(dir, 'blackbox.yml');
  writeFileSync(cfg, `modules:\n${blackboxModule('delivery', 'POST')}${blackboxModule('health', 'GET')}`);
  const bbPort = await freePort();
  const bb = start(BLACKBOX, [`--config.file=${cfg}`, `--web.listen-address=127.0.0.1:${bbPort}`, '--log.level=error'], { stderr: 'ignore' });
  await waitHttp(`http://127.0.0.1:${bbPort}/-/healthy`);
  for (const [module, path] of [['delivery', 'webhook'], ['health', 'health']]) {
    writeFileSync(join(dir, `${module}.json`), JSON.stringify([{ targets: Array.from({ length: n }, (_, i) => recv.url(i, path)), labels: { module } }]));
  }
  const job = (module) => `  - job_name: blackbox-${module}
    metrics_path: /probe
    params: { module: [${module}] }
    file_sd_configs: [{ files: ['${join(dir, `${module}.json`)}'] }]
    relabel_configs:
      - { source_labels: [__address__], target_label: __param_target }
      - { source_labels: [__param_target], target_label: instance }
      - { target_label: __address__, replacement: '127.0.0.1:${bbPort}' }
`;
  const prom = await startPrometheus(dir, job('delivery') + job('health'));
  log(`blackbox ${n}: warm-up ${WARMUP_S} s`);
  await sleep(WARMUP_S * 1000);
  await recv.stats();
  const before = procStats(bb.child.pid);
  const startedAt = Date.now() / 1000;
  await sleep(minutes * 60_000);
  const after = procStats(bb.child.pid);
  const measuredSeconds = Date.now() / 1000 - startedAt;
  const receivers = await recv.stats();
  const window = `${Math.round(Date.now() / 1000 - startedAt)}s`;
  // Every probe's reported duration in the window: one sample per probe.
  const durations = await prom.query(`probe_duration_seconds[${window}]`);
  const errors = [];
  for (const s of durations) for (const [, v] of s.values) errors.push(Number(v) - DELAY_MS / 1000);
  const failed = await prom.query(`sum(count_over_time(probe_success[${window}]) - sum_over_time(probe_success[${window}]))`);
  const up = await prom.query(`sum(min_over_time(up{job=~"blackbox-.*"}[${window}]))`);
  await prom.stop();
  bb.child.kill('SIGTERM');
  await recv.stop();
  return {
    cpuPerMinute: ((after.cpu - before.cpu) / measuredSeconds) * 60,
    peakRss: after.peakRss,
    error: { n: errors.length, p50: quantile(errors, 0.5), p99: quantile(errors, 0.99), max: Math.max(...errors) },
    probes: errors.length,
    failures: Number(failed[0]?.value[1] ?? NaN),
    targetsUp: Number(up[0]?.value[1] ?? NaN),
    receiverLate: receivers,
  };
}

/** The peer's figures when --skip-peer leaves it out. */
const SKIPPED = { cpuPerMinute: NaN, peakRss: NaN, error: { p50: NaN, p99: NaN }, probes: NaN, failures: NaN, receiverLate: { p99: NaN } };
const results = [];
const loadBefore = loadavg()[0];
for (const n of SIZES) {
  const minutes = n === SIZES.at(-1) ? MINUTES : GROWTH_MINUTES;
  const dir = mkdtempSync(join(tmpdir(), 'hookwatch-fleet-'));
  try {
    const hookwatch = await runHookwatch(n, minutes, mkdtempSync(join(dir, 'hw-')));
    log(`hookwatch ${n}:`, JSON.stringify(hookwatch));
    const blackbox = args['skip-peer'] ? SKIPPED : await runBlackbox(n, minutes, mkdtempSync(join(dir, 'bb-')));
    log(`blackbox ${n}:`, JSON.stringify(blackbox));
    results.push({ n, minutes, hookwatch, blackbox, load: loadavg()[0] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const ms = (s, d = 1) => f(s * 1000, d);
const mib = (b) => f(b / 2 ** 20, 1);
const cols = results.map((r) => `${r.n.toLocaleString('en-US')} (${r.minutes} min)`);
const row = (figure, goal, cell) => `| ${figure} | ${goal} | ${results.map(cell).join(' | ')} |`;
const big = results.at(-1);
const verdict = (ok) => (ok ? '**met**' : '**not met**');
const table = `## Prober at fleet scale: hookwatch vs blackbox_exporter 0.23 + Prometheus 2.42

Re-run: \`npm run bench:fleet -- --sizes ${SIZES.join(',')} --minutes ${MINUTES}${GROWTH_MINUTES !== MINUTES ? ` --growth-minutes ${GROWTH_MINUTES}` : ''}\` (also \`--warmup\` seconds, default 70; \`--receivers\`, default 4; \`--no-write\`). Last run: ${new Date().toISOString()}, ${machine()}, 1-minute load average ${f(loadBefore)} at start and ${results.map((r) => f(r.load)).join(', ')} after each size.

N endpoints, each with a delivery check (signed Standard Webhooks POST) and a health check (GET), every ${INTERVAL_S} s, against ${RECEIVERS} local receiver processes that answer every path after a fixed ${DELAY_MS} ms (endpoint *i* uses \`/e<i>/webhook\` and \`/e<i>/health\` on receiver *i* mod ${RECEIVERS}; \`Connection: close\`, so every probe opens a connection). hookwatch is the real daemon part (\`startProber\`: prober with \`prober.metrics: compact\`, status page and its history at the defaults, HTTP server) in one process, scraped by a real Prometheus every ${HOOKWATCH_SCRAPE_S} s (timeout 10 s). blackbox_exporter is driven by a real Prometheus scraping the same 2N probe targets (\`/probe?module=delivery|health\`, file_sd, ${INTERVAL_S} s interval, 10 s timeout). The tools run one after the other, each after a ${WARMUP_S} s warm-up (start-up and the first runs are not measured). CPU is user + system of the prober process from \`/proc/<pid>/stat\` over the measured window (Prometheus, receivers and this driver excluded), per minute; peak RSS is \`VmHWM\` over the whole run. Start drift is the scheduler's own (planned slot to the run starting); the latency error is the reported duration minus the receivers' ${DELAY_MS} ms, over every successful probe in the window; the receivers' own timer lateness is shown beside it; the event-loop delay is the prober's own (\`monitorEventLoopDelay\`, 10 ms resolution). These figures are taken at the end of the window, before the one \`/api/status\` read after it (by this driver, outside the prober's process, timed; its own event-loop delay and the peak RSS after it are reported apart).

| figure | goal | ${cols.join(' | ')} |
|---|---|${results.map(() => '---:').join('|')}|
${row('hookwatch CPU s per minute', '', (r) => f(r.hookwatch.cpuPerMinute, 2))}
${row('blackbox_exporter CPU s per minute', '', (r) => f(r.blackbox.cpuPerMinute, 2))}
${row('**CPU ratio hookwatch / blackbox**', '≤ 0.5', (r) => `**${f(r.hookwatch.cpuPerMinute / r.blackbox.cpuPerMinute, 2)}**`)}
${row('start drift p50 / p99 ms (hookwatch)', 'p99 ≤ 50', (r) => `${ms(r.hookwatch.drift.p50)} / **${ms(r.hookwatch.drift.p99)}**`)}
${row('latency error p50 / p99 ms, hookwatch', 'p99 ≤ 5', (r) => `${ms(r.hookwatch.error.p50, 2)} / **${ms(r.hookwatch.error.p99, 2)}**`)}
${row('latency error p50 / p99 ms, blackbox_exporter', '', (r) => `${ms(r.blackbox.error.p50, 2)} / ${ms(r.blackbox.error.p99, 2)}`)}
${row('event loop delay max / p99 ms in the window (hookwatch)', '', (r) => `${ms(r.hookwatch.loop.max)} / ${ms(r.hookwatch.loop.p99)}`)}
${row('receivers\' own lateness p99 ms (hookwatch run / blackbox run)', '', (r) => `${ms(r.hookwatch.receiverLate.p99, 2)} / ${ms(r.blackbox.receiverLate.p99, 2)}`)}
${row('peak RSS MiB, hookwatch (status history included)', '≤ 300', (r) => `**${mib(r.hookwatch.peakRss)}**`)}
${row('peak RSS MiB, hookwatch after one /api/status', '', (r) => mib(r.hookwatch.peakRssAfterApi))}
${row('one /api/status after the window: s / MiB / event loop delay max ms', '', (r) => `${f(r.hookwatch.api.seconds, 2)} / ${mib(r.hookwatch.api.bytes)} / ${ms(r.hookwatch.api.loopMax)}`)}
${row('peak RSS MiB, blackbox_exporter', '', (r) => mib(r.blackbox.peakRss))}
${row('status history kept per check (64 MiB budget)', '', (r) => `${r.hookwatch.history?.probesPerCheck ?? '–'} probes, ${f((r.hookwatch.history?.spanSeconds ?? NaN) / 60, 0)} min`)}
${row('series exposed by hookwatch (/metrics lines)', '—', (r) => String(r.hookwatch.render.series ?? '–'))}
${row('/metrics size MiB', '', (r) => mib(r.hookwatch.render.bytes))}
${row('/metrics GET, median / max s', '≤ 1', (r) => `${f(r.hookwatch.render.median, 3)} / **${f(r.hookwatch.render.max, 3)}**`)}
${row('Prometheus scrapes of hookwatch: all up / count / slowest s', 'up within 10 s', (r) => `${r.hookwatch.scrape.up === 1 ? 'yes' : '**no**'} / ${r.hookwatch.scrape.count} / ${f(r.hookwatch.scrape.maxSeconds, 3)}`)}
${row('probes in the window (hookwatch / blackbox)', '', (r) => `${r.hookwatch.probes} / ${r.blackbox.probes}`)}
${row('failed probes (hookwatch / blackbox)', '', (r) => `${r.hookwatch.failures} / ${f(r.blackbox.failures, 0)}`)}

At ${big.n.toLocaleString('en-US')} endpoints: CPU ratio ${f(big.hookwatch.cpuPerMinute / big.blackbox.cpuPerMinute, 2)} (goal ≤ 0.5: ${verdict(big.hookwatch.cpuPerMinute / big.blackbox.cpuPerMinute <= 0.5)}); start drift p99 ${ms(big.hookwatch.drift.p99)} ms (≤ 50: ${verdict(big.hookwatch.drift.p99 <= 0.05)}); latency error p99 ${ms(big.hookwatch.error.p99, 2)} ms (≤ 5: ${verdict(big.hookwatch.error.p99 <= 0.005)}); peak RSS ${mib(big.hookwatch.peakRss)} MiB (≤ 300: ${verdict(big.hookwatch.peakRss <= 300 * 2 ** 20)}); /metrics ${f(big.hookwatch.render.max, 3)} s (≤ 1: ${verdict(big.hookwatch.render.max <= 1)}), every Prometheus scrape up: ${verdict(big.hookwatch.scrape.up === 1)}.
`;
if (!args['no-write'] && !args['skip-peer']) writeSection('fleet', table);
console.log(table);
