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
import { METRICS } from '../../../catalog/index.js';
import { startCli, stopAll } from '../../support/process.js';
import { scrape } from '../../support/scrape.js';
import { expectExactTotals, monotonicCheck } from './crash-checks.js';
import { writeCrashConfig } from './crash-config.js';
import { generateLog, prng } from './generate.js';

const KILLS = 50;
const dir = mkdtempSync(join(tmpdir(), 'hw-crash-'));
let stopWriter = false;
afterAll(() => {
  stopWriter = true;
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

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

    const check = monotonicCheck();

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
    const got = await expectExactTotals(url, gen, check, 20_000);
    expect(got.get(`${METRICS.exporterRotations.name}{source="main"}`)).toBe(1);
    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
  }, 115_000);
});
