/**
 * The headline property: kill -9 the real `hookwatch export` daemon at
 * random points, many times, while a writer appends (with partial lines
 * and one rename rotation), scraping in between. Every counter a scrape
 * ever shows must be monotonic, and the final values must equal the
 * log's own totals exactly.
 */
import { appendFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { isDefaultMetricName, METRICS } from '../../../catalog/index.js';
import { startCli, stopAll } from '../../support/process.js';
import { scrape } from '../../support/scrape.js';
import { writeCrashConfig } from './crash-config.js';
import { generateLog, parseExposition, prng } from './generate.js';

const KILLS = 50;
const dir = mkdtempSync(join(tmpdir(), 'hw-crash-'));
let stopWriter = false;
afterAll(() => {
  stopWriter = true;
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

/** Counter-like samples: `_total`, and histogram `_bucket`, `_sum`, `_count` (not the process's own: they restart with it). */
function isMonotonic(series: string): boolean {
  const name = series.split('{')[0] as string;
  return !isDefaultMetricName(name) && (name.endsWith('_total') || /_(bucket|sum|count)$/.test(name));
}

describe('exactness across crashes', () => {
  it(`${KILLS} SIGKILLs while writing: scraped counters never decrease, final totals are exact`, async () => {
    const cfg = writeCrashConfig(dir, '[{ type: file, path: ./deliveries.jsonl, name: main }]');
    const log = join(dir, 'deliveries.jsonl');
    const gen = generateLog(15_000, 42);
    const rnd = prng(99);

    let written = 0;
    let rotated = false;
    const writer = (async () => {
      let carry = '';
      while (written < gen.lines.length && !stopWriter) {
        const n = 1 + Math.floor(rnd() * 40);
        const batch = gen.lines.slice(written, written + n).map((l) => `${l}\n`).join('');
        written = Math.min(gen.lines.length, written + n);
        let text = carry + batch;
        carry = '';
        if (rnd() < 0.2 && written < gen.lines.length) {
          // Leave half a line for the next batch: a partial last line.
          const cut = text.length - 1 - Math.floor(rnd() * 30);
          carry = text.slice(cut);
          text = text.slice(0, cut);
        }
        appendFileSync(log, text);
        if (!rotated && written > gen.lines.length / 2 && carry === '') {
          renameSync(log, `${log}.1`);
          rotated = true;
        }
        await sleep(10 + rnd() * 40);
      }
      if (carry) appendFileSync(log, carry);
    })();

    const seen = new Map<string, number>();
    const check = (text: string) => {
      for (const [k, v] of parseExposition(text)) {
        if (!isMonotonic(k)) continue;
        const before = seen.get(k) ?? 0;
        expect(v, `${k} went from ${before} to ${v}`).toBeGreaterThanOrEqual(before);
        seen.set(k, v);
      }
    };

    let scrapes = 0;
    for (let k = 0; k < KILLS; k++) {
      const d = startCli(['export', '--config', cfg]);
      if (rnd() < 0.5) {
        // Some kills land during start-up: loading the checkpoint, catching up.
        await sleep(rnd() * 700);
        d.child.kill('SIGKILL');
        await d.exited();
        continue;
      }
      const url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/))[1] as string;
      const n = 1 + Math.floor(rnd() * 2);
      for (let j = 0; j < n; j++) {
        await sleep(rnd() * 60);
        check(await scrape(`${url}/metrics`));
        scrapes++;
      }
      await sleep(rnd() * 100);
      d.child.kill('SIGKILL');
      await d.exited();
    }
    await writer;
    expect(rotated).toBe(true);
    expect(scrapes).toBeGreaterThan(KILLS / 2);

    const d = startCli(['export', '--config', cfg]);
    const url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/))[1] as string;
    const linesKey = `${METRICS.exporterLinesRead.name}{source="main"}`;
    // Wait until the daemon has caught up; the assertions below then show any difference.
    let final = '';
    for (const end = Date.now() + 20_000; Date.now() < end; await sleep(100)) {
      final = await scrape(`${url}/metrics`);
      if (parseExposition(final).get(linesKey) === gen.lines.length) break;
    }
    expect(parseExposition(final).get(linesKey)).toBe(gen.lines.length);
    check(final);
    const got = parseExposition(final);
    for (const [k, v] of gen.expected) expect(got.get(k), k).toBe(v);
    const deliveries = [...got].filter(([k]) => k.startsWith(`${METRICS.deliveries.name}{`)).reduce((a, [, v]) => a + v, 0);
    expect(deliveries).toBe(gen.lines.length - gen.badLines);
    const errors = [...got].filter(([k]) => k.startsWith(`${METRICS.exporterParseErrors.name}{`)).reduce((a, [, v]) => a + v, 0);
    expect(errors).toBe(gen.badLines);
    expect(got.get(`${METRICS.exporterRotations.name}{source="main"}`)).toBe(1);
    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
  }, 115_000);
});
