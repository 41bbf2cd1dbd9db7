/**
 * HTTP ingest is exactly once with an `Idempotency-Key`: clients POST
 * keyed batches and retry each until it is acknowledged, while the real
 * `hookwatch export` daemon is killed with SIGKILL at random points and
 * restarted. The final counts must equal the lines sent, exactly: a batch
 * whose first try was checkpointed is not counted again on its retry, and
 * an acknowledged batch is never lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { startCli, stopAll } from '../../support/process.js';
import { scrape } from '../../support/scrape.js';
import { writeCrashConfig } from './crash-config.js';
import { generateLog, parseExposition, prng } from './generate.js';

const KILLS = 25;
const BATCHES = 600;
const CLIENTS = 8;
const dir = mkdtempSync(join(tmpdir(), 'hw-ingest-crash-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTP ingest across crashes', () => {
  it(`${BATCHES} keyed batches retried until acknowledged, ${KILLS} SIGKILLs: counts equal the lines sent`, async () => {
    const cfg = writeCrashConfig(dir, '[{ type: http, path: /ingest, name: push }]');
    const gen = generateLog(BATCHES * 10, 7);
    const rnd = prng(2026);
    const batches: string[] = [];
    for (let i = 0; i < gen.lines.length; i += 10) batches.push(`${gen.lines.slice(i, i + 10).join('\n')}\n`);

    // The address of the running daemon; null while it is down.
    let url: string | null = null;
    let next = 0;
    let acked = 0;
    let retries = 0;
    let replayed = 0;
    const client = async () => {
      for (let i = next++; i < batches.length; i = next++) {
        for (;;) {
          const at = url;
          if (at) {
            try {
              const res = await fetch(`${at}/ingest`, { method: 'POST', body: batches[i], headers: { 'idempotency-key': `batch-${i}` } });
              await res.text();
              if (res.status === 200) {
                if (res.headers.get('idempotent-replayed') === 'true') replayed++;
                break;
              }
              expect(res.status, `batch ${i}`).toBeGreaterThanOrEqual(500);
            } catch {
              // Killed mid-request: retry with the same key.
            }
            retries++;
          }
          await sleep(5 + rnd() * 20);
        }
        acked++;
        // Paced, so the kills spread over the whole run.
        await sleep(40 + rnd() * 60);
      }
    };
    const clients = Promise.all(Array.from({ length: CLIENTS }, client));

    // KILLS kills at random points while the clients post (paced so that
    // they are still posting, on a loaded machine too); the last daemon
    // then takes what is left.
    for (let k = 0; k < KILLS; k++) {
      const d = startCli(['export', '--config', cfg]);
      url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/))[1] as string;
      await sleep(50 + rnd() * 300);
      url = null;
      d.child.kill('SIGKILL');
      await d.exited();
    }
    const d = startCli(['export', '--config', cfg]);
    url = (await d.waitFor(/msg=listening url=(http:\/\/\S+)/))[1] as string;
    await clients;
    expect(acked).toBe(batches.length);
    expect(retries).toBeGreaterThan(0);

    const got = parseExposition(await scrape(`${url}/metrics`));
    expect(got.get(`${METRICS.exporterLinesRead.name}{source="push"}`)).toBe(gen.lines.length);
    for (const [k, v] of gen.expected) expect(got.get(k), k).toBe(v);
    const errors = [...got].filter(([k]) => k.startsWith(`${METRICS.exporterParseErrors.name}{`)).reduce((a, [, v]) => a + v, 0);
    expect(errors).toBe(gen.badLines);
    // Every batch applied exactly once; every replay answered was counted durably.
    expect(got.get(`${METRICS.exporterIngestBatches.name}{source="push",result="applied"}`)).toBe(BATCHES);
    expect(got.get(`${METRICS.exporterIngestBatches.name}{source="push",result="replayed"}`)).toBeGreaterThanOrEqual(replayed);
    expect(got.get(`${METRICS.exporterIngestBatches.name}{source="push",result="unkeyed"}`)).toBe(0);
    d.child.kill('SIGTERM');
    expect(await d.exited()).toBe(0);
  }, 150_000);
});
