/**
 * kill -9 during the parallel catch-up: the real `hookwatch export` daemon
 * starts on a large unread backlog (four of them, appended every fourth
 * restart),
 * counts it on worker threads (`exporter.parallel_catch_up_bytes` set low,
 * so every restart with a backlog catches up in parallel), and is killed
 * at random points, many during the catch-up, with scrapes in between.
 * Every counter a scrape shows must be monotonic, and the final values
 * must equal the log's own totals exactly: the checkpoints written between
 * merged pieces pair each position with exactly the counts before it.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, stopAll } from '../../support/process.js';
import { scrape } from '../../support/scrape.js';
import { expectExactTotals, monotonicCheck } from './crash-checks.js';
import { writeCrashConfig } from './crash-config.js';
import { generateLog, prng } from './generate.js';

const KILLS = 16;
/** Lines appended before rounds 0, 4, 8 and 12: about 13 MiB each, two pieces (read turns). */
const CHUNK = 50_000;
const dir = mkdtempSync(join(tmpdir(), 'hw-crash-catch-up-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('exactness across crashes during a parallel catch-up', () => {
  it(`${KILLS} SIGKILLs while catching up a backlog on worker threads: scraped counters never decrease, final totals are exact`, async () => {
    const cfg = writeCrashConfig(dir, '[{ type: file, path: ./deliveries.jsonl, name: main }]', ['parallel_catch_up_bytes: 65536']);
    const log = join(dir, 'deliveries.jsonl');
    const gen = generateLog(4 * CHUNK, 7);
    writeFileSync(log, '');
    const rnd = prng(5);

    const check = monotonicCheck();

    let parallelRuns = 0;
    for (let k = 0; k < KILLS; k++) {
      if (k % 4 === 0) appendFileSync(log, gen.lines.slice((k / 4) * CHUNK, (k / 4 + 1) * CHUNK).map((l) => `${l}\n`).join(''));
      const d = startCli(['export', '--config', cfg]);
      const url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/, 30_000))[1] as string;
      // Scrapes (each writes a checkpoint) while the pieces merge, then a kill at a random point.
      const until = Date.now() + rnd() * 800;
      while (Date.now() < until) {
        check(await scrape(`${url}/metrics`));
        await sleep(rnd() * 30);
      }
      d.child.kill('SIGKILL');
      await d.exited();
      if (/caught up on worker threads/.test(d.stderr())) parallelRuns++;
    }

    const d = startCli(['export', '--config', cfg]);
    const url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/, 30_000))[1] as string;
    await expectExactTotals(url, gen, check, 60_000);
    // Not a vacuous pass: restarts did catch up on worker threads.
    expect(parallelRuns + (/caught up on worker threads/.test(d.stderr()) ? 1 : 0)).toBeGreaterThan(0);
    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
  }, 240_000);
});
