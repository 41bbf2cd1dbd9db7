/**
 * Rotation soak: the real `hookwatch export` daemon is SIGKILLed at random
 * points, many times, while two sources are written and rotated: one path
 * and a glob, each by rename (logrotate's numbered shift) and by
 * copytruncate, while up and while down, with partial last lines and
 * malformed lines. Every line also goes to an oracle file per source; at
 * the end every counter the daemon serves must equal `hookwatch export
 * --once` over the oracles, and no counter a scrape showed may ever have
 * decreased.
 *
 * Copytruncate loses the lines written between the exporter's last read
 * and the truncate, so the soak truncates only after a scrape showed the
 * exporter caught up with that source (`/metrics` serves checkpointed
 * state, so a kill -9 right after loses nothing), never while it is down:
 * then the expected totals are exactly what was written. Likewise a single
 * path is renamed again only once the exporter was seen caught up (two
 * renames while down lose the middle file, a documented limit); the glob
 * source is renamed any number of times while down.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDefaultMetricName, METRICS } from '../../dist/catalog/index.js';
import { ENDPOINTS, prng } from './generate.mjs';
import { parseExposition, runCli, SoakSource, startDaemon } from './soak-files.mjs';

/** Counters that differ between a daemon and --once by design. */
const NOT_COMPARED = new Set([METRICS.exporterRotations.name, METRICS.exporterTruncations.name, METRICS.exporterCheckpointWrites.name, METRICS.configReloads.name]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const family = (k) => k.split('{')[0].replace(/_(bucket|sum|count)$/, '');
// The process's own counters (CPU, GC) start again with each process.
const counterLike = (k) => /_(total|bucket|sum|count)$/.test(k.split('{')[0]) && !isDefaultMetricName(k.split('{')[0]);
const linesKey = (s) => `${METRICS.exporterLinesRead.name}{source="${s.name}"}`;

function writeConfig(dir, file, sources, pathOf) {
  const p = join(dir, file);
  writeFileSync(p, ['endpoints:', ...ENDPOINTS.map((e) => `  - { name: ${e.name}, url: "${e.url}" }`), 'exporter:', '  listen: 127.0.0.1:0',
    '  state_dir: ./state', '  checkpoint_interval: 150ms', '  poll_interval: 20ms', '  sources:',
    ...sources.map((s) => `    - { type: file, path: "${pathOf(s)}", name: ${s.name} }`), ''].join('\n'));
  return p;
}

/**
 * Runs the soak and returns its figures; `exact` and `monotonic` say whether it held.
 * @param {{ kills: number, seed?: number, log?: (s: string) => void }} opts
 */
export async function runSoak({ kills, seed = 12, log = () => undefined }) {
  const t0 = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'hw-rotation-soak-'));
  const running = new Set();
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  let nextLine = 0;
  const next = () => nextLine++;
  const f = {
    kills: 0, startupKills: 0, lines: 0, badLines: 0, scrapes: 0, compared: 0, mismatches: [], decreases: [],
    renames: { single: 0, glob: 0 }, renamesWhileDown: { single: 0, glob: 0 }, copytruncates: { single: 0, glob: 0 }, counted: {},
  };
  try {
    mkdirSync(join(dir, 'oracle'));
    const sources = [new SoakSource(dir, 'single', false), new SoakSource(dir, 'glob', true)];
    const cfg = writeConfig(dir, 'hookwatch.yaml', sources, (s) => s.config);
    const seen = new Map();
    const scrape = async (url) => {
      const got = parseExposition(await (await fetch(`${url}/metrics`)).text());
      f.scrapes++;
      for (const [k, v] of got) {
        if (!counterLike(k)) continue;
        if (v < (seen.get(k) ?? 0)) f.decreases.push(`${k}: ${seen.get(k)} → ${v}`);
        seen.set(k, v);
      }
      for (const s of sources) if (got.get(linesKey(s)) === s.written) s.renameSafe = true;
      return got;
    };
    const caughtUp = async (url, s) => {
      let last;
      for (const end = Date.now() + 30_000; Date.now() < end; await sleep(25)) if ((last = (await scrape(url)).get(linesKey(s))) === s.written) return;
      throw new Error(`${s.name}: ${last} lines read, ${s.written} written (in ${dir})`);
    };
    const write = (s) => { f.badLines += s.write(rnd, next); };
    const rename = (s, up) => {
      s.flush(); // never rotate with a half line pending: the exporter completes it at the rotation
      s.rename();
      f.renames[s.name]++;
      if (!up) f.renamesWhileDown[s.name]++;
    };
    const step = async (url) => {
      const s = pick(sources);
      const r = rnd();
      if (r < 0.12) {
        s.flush();
        await caughtUp(url, s);
        if (s.copytruncate()) f.copytruncates[s.name]++;
      } else if (r < 0.26) {
        if (!s.renameSafe) await caughtUp(url, s);
        rename(s, true);
      } else write(s);
    };

    for (let k = 0; k < kills; k++) {
      const d = startDaemon(cfg, running);
      if (rnd() < 0.3) {
        // Killed during start-up: loading the checkpoint, catching up, maybe mid-rotation.
        for (let j = Math.floor(rnd() * 3); j > 0; j--) write(pick(sources));
        await sleep(rnd() * 600);
        f.startupKills++;
      } else {
        const url = await d.url;
        for (let j = 1 + Math.floor(rnd() * 6); j > 0; j--) {
          await step(url);
          await sleep(rnd() * 60);
          if (rnd() < 0.5) await scrape(url);
        }
        await sleep(rnd() * 80);
      }
      await d.kill();
      f.kills++;
      // While down: writes, and renames (a single path at most once before it is seen caught up again).
      for (let j = Math.floor(rnd() * 4); j > 0; j--) {
        const s = pick(sources);
        if (rnd() < 0.25 && s.renameSafe) rename(s, false);
        else write(s);
      }
      if ((k + 1) % 10 === 0) log(`${k + 1} kills, ${sources.reduce((a, s) => a + s.written, 0)} lines`);
    }

    for (const s of sources) s.flush();
    f.lines = sources.reduce((a, s) => a + s.written, 0);
    const d = startDaemon(cfg, running);
    const url = await d.url;
    for (const s of sources) await caughtUp(url, s);
    const got = await scrape(url);
    await d.kill();
    const oracle = parseExposition(await runCli(['export', '--once', '--config', writeConfig(dir, 'oracle.yaml', sources, (s) => `./oracle/${s.name}.jsonl`)]));
    for (const k of new Set([...oracle.keys(), ...got.keys()])) {
      if (!counterLike(k) || NOT_COMPARED.has(family(k))) continue;
      f.compared++;
      const a = got.get(k) ?? 0;
      const b = oracle.get(k) ?? 0;
      // Histogram sums add floats in another order across the two sources.
      const same = k.split('{')[0].endsWith('_sum') ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
      if (!same) f.mismatches.push(`${k}: daemon ${a}, expected ${b}`);
    }
    for (const s of sources) {
      f.counted[s.name] = { rotations: got.get(`${METRICS.exporterRotations.name}{source="${s.name}"}`), truncations: got.get(`${METRICS.exporterTruncations.name}{source="${s.name}"}`) };
    }
    return { ...f, exact: f.mismatches.length === 0 && f.compared > 0, monotonic: f.decreases.length === 0, seconds: (Date.now() - t0) / 1000 };
  } finally {
    for (const c of running) c.kill('SIGKILL');
    if (!process.env.HOOKWATCH_SOAK_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
