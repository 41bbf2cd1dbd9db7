/**
 * Exporter benchmark: `hookwatch export --once` (on every core) against
 * mtail --one_shot on the same deterministic 1,000,000-line delivery log,
 * in the same run, plus the single-threaded count of the same file (its
 * exposition must be byte for byte the parallel one), peak RSS at
 * 250k/500k/1M lines, the CLI's RSS before it reads a line, and `/metrics`
 * with 10,000 series. Prints the table with each goal and writes the
 * `## Exporter` section of BENCHMARKS.md. Runs unattended.
 *
 *   npm run bench:exporter        (builds dist/ first)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METRICS } from '../dist/catalog/index.js';
import { ENDPOINTS, writeLogs } from './exporter/generate.mjs';
import { samples, timed } from './exporter/measure.mjs';
import { mtailProgram } from './exporter/mtail.mjs';
import { scrape10k } from './exporter/scrape10k.mjs';
import { liveHeapMiB } from './exporter/heap.mjs';
import { bothCores } from './exporter/both-cores.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin/hookwatch.js');
const MTAIL = join(ROOT, '.tools/bin/mtail');
// HOOKWATCH_BENCH_LINES (a multiple of 20,000) makes a quick smoke run that leaves BENCHMARKS.md alone.
const SMOKE = process.env.HOOKWATCH_BENCH_LINES ? Number(process.env.HOOKWATCH_BENCH_LINES) : 0;
const N = SMOKE || 1_000_000;
const dir = join(tmpdir(), 'hookwatch-bench-exporter');

if (!existsSync(MTAIL)) throw new Error(`${MTAIL} is missing: run "npm run tools"`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'progs'), { recursive: true });
const load = loadavg()[0].toFixed(1);

console.error('generating logs…');
const cuts = [N / 4, N / 2, N].map((lines) => ({ lines, path: join(dir, `deliveries-${lines}.jsonl`) }));
await writeLogs(cuts);
const logPath = cuts[2].path;
const logBytes = readFileSync(logPath).length;

const configFor = (log) => {
  const p = join(dir, `hookwatch-${log.lines}.yaml`);
  writeFileSync(p, ['endpoints:', ...ENDPOINTS.map((e) => `  - { name: ${e.name}, url: "${e.url}" }`),
    'exporter:', `  sources: [{ type: file, path: "${log.path}", name: bench }]`, ''].join('\n'));
  return p;
};
writeFileSync(join(dir, 'progs', 'bench.mtail'), mtailProgram());

// Warm the page cache once so neither tool pays for the first read.
readFileSync(logPath);

console.error(`hookwatch export --once (${N} lines)…`);
const hw = timed(process.execPath, [CLI, 'export', '--once', '--config', configFor(cuts[2])], join(dir, 'hookwatch.prom'));
console.error(`mtail --one_shot (${N} lines)…`);
const mt = timed(MTAIL, ['--one_shot', '--one_shot_format', 'prometheus', '--emit_prog_label=false', '--progs', join(dir, 'progs'), '--logs', logPath], join(dir, 'mtail.prom'));
console.error(`single-threaded count (${N} lines)…`);
const one = timed(process.execPath, [join(ROOT, 'bench/exporter/single.mjs'), configFor(cuts[2])], join(dir, 'single.prom'));
const sameAsOneThread = readFileSync(join(dir, 'hookwatch.prom'), 'utf8') === readFileSync(join(dir, 'single.prom'), 'utf8');
console.error('CLI before it reads a line (export --help), and what its modules cost…');
const idle = timed(process.execPath, [CLI, 'export', '--help'], join(dir, 'help.txt'));
// Peak RSS of a process that only imports these (each includes the ones before it).
const footprint = [['Node alone', null], ['the config schema (zod, yaml)', 'dist/config/index.js'], ['the exporter', 'dist/exporter/index.js'], ['the `export` command', 'dist/cli/commands/export.js']]
  .map(([what, mod]) => [what, timed(process.execPath, ['--input-type=module', '-e', mod ? `await import(${JSON.stringify(join(ROOT, mod))})` : ''], join(dir, 'import.txt')).rssMiB]);

// Agreement: deliveries by endpoint × status class, duration buckets and counts by endpoint.
function tally(text, deliveries, duration) {
  const out = new Map();
  const add = (k, v) => out.set(k, (out.get(k) ?? 0) + v);
  for (const s of samples(text)) {
    if (s.name === deliveries) add(`deliveries|${s.labels.endpoint}|${s.labels.status_class}`, s.value);
    else if (s.name === `${duration}_bucket`) add(`bucket|${s.labels.endpoint}|${s.labels.le}`, s.value);
    else if (s.name === `${duration}_count`) add(`count|${s.labels.endpoint}`, s.value);
  }
  return out;
}
const a = tally(readFileSync(join(dir, 'hookwatch.prom'), 'utf8'), METRICS.deliveries.name, METRICS.deliveryDuration.name);
const b = tally(readFileSync(join(dir, 'mtail.prom'), 'utf8'), 'mtail_deliveries', 'mtail_duration_seconds');
const keys = new Set([...a.keys(), ...b.keys()]);
const mismatches = [...keys].filter((k) => a.get(k) !== b.get(k));
const totalA = [...a].filter(([k]) => k.startsWith('deliveries|')).reduce((s, [, v]) => s + v, 0);
const agree = mismatches.length === 0 && totalA === N && sameAsOneThread;

console.error('RSS at 1/4 and 1/2 of the log…');
const rss = [timed(process.execPath, [CLI, 'export', '--once', '--config', configFor(cuts[0])], join(dir, 'h250.prom')).rssMiB,
  timed(process.execPath, [CLI, 'export', '--once', '--config', configFor(cuts[1])], join(dir, 'h500.prom')).rssMiB, hw.rssMiB];

console.error('live heap after GC at 1/4 and all of the log…');
const heap = [liveHeapMiB(configFor(cuts[0])), liveHeapMiB(configFor(cuts[2]))];

const every = bothCores(dir, CLI, ROOT, configFor(cuts[2]), logPath);

console.error('/metrics with 10k series…');
const m = await scrape10k(dir, CLI);

// Backfill and the catch-up must write the same on every core as on one thread.
const agreeEvery = every.backfill.same && every.catchUp.same;
const coreRow = (what, r) => `| ${what} | ${r.wall.toFixed(1)} | ${r.cpu.toFixed(1)} | ${(r.cpu / r.wall).toFixed(2)} | ${r.rssMiB.toFixed(1)} |`;
const everyCore = `
| ${N.toLocaleString('en-US')} lines, one thread vs every core | wall s | CPU s | cores used | peak RSS MiB |
|---|---|---|---|---|
${coreRow('`hookwatch backfill --step 1m --threads 1`', every.backfill.one)}
${coreRow(`\`hookwatch backfill --step 1m --threads ${every.cores}\``, every.backfill.all)}
${coreRow('daemon catch-up (fresh state, to the end, one checkpoint; bench/exporter/catch-up.mjs), polls on one thread', every.catchUp.one)}
${coreRow(`daemon catch-up on ${every.cores} worker threads`, every.catchUp.all)}

- Every core vs one thread, same file, same run: backfill ${(every.backfill.one.wall / every.backfill.all.wall).toFixed(2)}× faster (wall), ${(every.backfill.all.cpu / every.backfill.one.cpu).toFixed(2)}× the CPU, output byte for byte the same: **${every.backfill.same ? 'yes' : 'NO'}**; catch-up ${(every.catchUp.one.wall / every.catchUp.all.wall).toFixed(2)}× faster, ${(every.catchUp.all.cpu / every.catchUp.one.cpu).toFixed(2)}× the CPU, \`/metrics\` byte for byte the same: **${every.catchUp.same ? 'yes' : 'NO'}** (\`test/unit/exporter/run/backfill.property.test.ts\` and \`catch-up.property.test.ts\` check both on generated logs).
`;
const mtailVersion = execFileSync(MTAIL, ['--version'], { encoding: 'utf8' }).split('\n')[0];
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const rate = (r) => Math.round(N / r.wall).toLocaleString('en-US');
const throughput = mt.wall / hw.wall;
const cpuRatio = hw.cpu / mt.cpu;
const met = (ok) => (ok ? 'met' : '**not met**');
const section = `## Exporter

Re-run: \`npm run bench:exporter\` (builds dist/, writes a deterministic ${N.toLocaleString('en-US')}-line log of ${(logBytes / 2 ** 20).toFixed(0)} MiB under ${dir}, runs the tools one after the other on the same file, prints this section and rewrites it here; unattended).

Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${mtailVersion}; 1-min load average ${load} at start, ${loadavg()[0].toFixed(1)} at the end. The machine is shared (other jobs were running on its ${cpus().length} cores), so absolute figures are noisy and wall times are the most affected; the tools ran one after the other in the same conditions.

| ${N.toLocaleString('en-US')} lines | wall s | lines/s | CPU s (user+sys, all threads) | cores used (CPU s / wall s) | peak RSS MiB (whole process) |
|---|---|---|---|---|---|
| \`hookwatch export --once\` (the main thread and ${cpus().length - 1} worker thread${cpus().length - 1 === 1 ? '' : 's'} counting) | ${f1(hw.wall)} | ${rate(hw)} | ${f1(hw.cpu)} | ${f2(hw.cpu / hw.wall)} | ${f1(hw.rssMiB)} |
| same count on one thread (\`runOnce\`, bench/exporter/single.mjs) | ${f1(one.wall)} | ${rate(one)} | ${f1(one.cpu)} | ${f2(one.cpu / one.wall)} | ${f1(one.rssMiB)} |
| mtail \`--one_shot\` (regex program: deliveries by endpoint × status class, duration histogram) | ${f1(mt.wall)} | ${rate(mt)} | ${f1(mt.cpu)} | ${f2(mt.cpu / mt.wall)} | ${f1(mt.rssMiB)} |

| figure | measured | goal | |
|---|---|---|---|
| lines/s, hookwatch / mtail | ${throughput.toFixed(2)}× | ≥ 4× | ${met(throughput >= 4)} |
| CPU, hookwatch / mtail | ${cpuRatio.toFixed(2)}× | ≤ 0.3× | ${met(cpuRatio <= 0.3)} |
| peak RSS | ${f1(hw.rssMiB)} MiB | ≤ 64 MiB | ${met(hw.rssMiB <= 64)} |
| counts | ${agree ? 'identical' : 'DIFFERENT'} | identical | ${met(agree)} |

- Why, goal by goal. **lines/s**: a wall-clock ratio, so on a loaded machine it measures the scheduler as much as the tools: the "cores used" column shows how much of the ${cpus().length} cores each run got (on a quiet machine the parallel run uses close to ${cpus().length}; its wall time is then about its CPU time / ${cpus().length}). **CPU**: every line is read in full and validated field by field (native lines by a scanner equal to \`JSON.parse\`, exporter/records/native-scan.ts: scanner and reader are 35–40% of a counting thread's profile), where the mtail program runs three regexes; on top of the single-threaded work (${f1(one.cpu)} CPU s here) the parallel run spends ${f1(hw.cpu - one.cpu)} CPU s on the worker's own V8 isolate (module load and JIT warm-up happen in each thread) and on recording and merging the partial states. **Peak RSS**: see the next point. **Counts**: exact by construction (docs/architecture.md, "\`--once\` on every core").
- Counts: ${keys.size} values compared with mtail (deliveries by endpoint × status class, duration buckets and counts by endpoint)${mismatches.length ? `; mismatches: ${mismatches.slice(0, 5).join(', ')}` : ''}; hookwatch counted ${totalA.toLocaleString('en-US')} deliveries; the parallel exposition is byte for byte the single-threaded one: **${sameAsOneThread ? 'yes' : 'NO'}** (and \`test/unit/exporter/run/parallel.property.test.ts\` checks that on generated logs).
- Peak RSS is the process's (\`/usr/bin/time\` maximum resident set): the worker thread lives in the same process, so it covers main and worker together. The CLI alone, before reading a line (\`hookwatch export --help\`), peaks at ${f1(idle.rssMiB)} MiB; a process importing only ${footprint.map(([what, mib]) => `${what}: ${f1(mib)} MiB`).join(', then ')}. So the 64 MiB goal cannot be met while the config is validated in the process: Node and the schema libraries are already about that much before the first line. Counting adds the worker's isolate (about 9 MiB empty, plus its heap: an 8 MiB young generation, the counting code and one range's partial state) and the main thread's counting (its young generation is kept at its initial size, \`cli/heap.ts\`). Native lines no longer go through \`JSON.parse\`, which internalizes short string values: this log's event ids (\`evt_\` + up to 4 characters) filled V8's string table and old space by about 50 MiB per thread per million lines.
- hookwatch does more per line than the mtail program: the whole line read as JSON (its syntax checked) and validated, event type, failures by reason, retries, end-to-end histogram, outcomes, self-metrics.
- Peak RSS of \`hookwatch export --once\` as the log grows: ${cuts[0].lines.toLocaleString('en-US')} lines ${f1(rss[0])} MiB, ${cuts[1].lines.toLocaleString('en-US')} ${f1(rss[1])} MiB, ${N.toLocaleString('en-US')} ${f1(rss[2])} MiB. Live heap after a forced GC (one thread): ${f1(heap[0])} MiB at ${cuts[0].lines.toLocaleString('en-US')} lines, ${f1(heap[1])} MiB at ${N.toLocaleString('en-US')}: the state is per series, not per line.
${everyCore}
- \`/metrics\` with ${m.domainSeries.toLocaleString('en-US')} domain series (${m.totalSeries.toLocaleString('en-US')} samples in all, ${(m.bytes / 1024).toFixed(0)} KiB), real daemon, 30 GETs each (goal < 50 ms): idle (no new lines, the durable snapshot is served) median ${f1(m.idleMedian)} ms, p95 ${f1(m.idleP95)} ms; busy (a new line before every GET, so each one renders and writes + fsyncs + renames a checkpoint first) median ${f1(m.busyMedian)} ms, p95 ${f1(m.busyP95)} ms; rendering alone ${f1(m.renderMedian)} ms.
`;

const file = SMOKE ? join(dir, 'BENCHMARKS.smoke.md') : join(ROOT, 'BENCHMARKS.md');
const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const re = /## Exporter\n[\s\S]*?(?=\n## |$)/;
const after = re.test(before) ? before.replace(re, section.trimEnd() + '\n') : `${before.trimEnd()}\n\n${section}`;
writeFileSync(file, after);
console.log(section);
rmSync(dir, { recursive: true, force: true });
if (!agree || !agreeEvery) process.exitCode = 1;
