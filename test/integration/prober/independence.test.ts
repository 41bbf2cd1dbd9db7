/**
 * A slow endpoint delays nobody else: while one receiver holds its probes
 * for seconds, the other endpoints keep starting on their own slots, every
 * one of their runs on schedule, none skipped. Asserts order and counts,
 * never speed: the slow receiver answers only when the test releases it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { Prober, type ProbeOutcome } from '../../../prober/index.js';
import { configFromYaml } from '../../support/config.js';
import { httpServer, json, readBody, type TestServer } from '../../support/servers.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
let receiver: TestServer;
const held: (() => void)[] = [];
let prober: Prober | undefined;

beforeAll(async () => {
  receiver = await httpServer(async (req, res) => {
    await readBody(req);
    const answer = () => json(res, 200, { ok: true }, { connection: 'close' });
    if (req.url === '/slow') held.push(answer);
    else answer();
  });
});

afterAll(async () => {
  for (const release of held.splice(0)) release();
  await prober?.stop();
  await receiver.close();
});

it('keeps starting the other endpoints on their slots while one endpoint\'s probe hangs', async () => {
  const fast = ['fast-a', 'fast-b', 'fast-c'];
  const endpoints = [...fast, 'slow'].map((name) => `  - name: ${name}
    url: ${receiver.url}/${name === 'slow' ? 'slow' : 'fast'}
    signing: { scheme: standard-webhooks, secret: "${SECRET}" }
    checks: { delivery: { expect: { status: [200] } } }`).join('\n');
  const config = configFromYaml(`endpoints:\n${endpoints}\nprober:\n  interval: 300ms\n  timeout_seconds: 60\n`);
  const results: ProbeOutcome[] = [];
  prober = new Prober(config, { version: 'test', onResult: (o) => results.push(o) });
  prober.start();
  // Every fast endpoint completes several probes while the slow one's first is still held.
  await expect.poll(() => Math.min(...fast.map((n) => results.filter((r) => r.endpoint === n).length)), { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(4);
  expect(held.length).toBe(1);
  expect(results.filter((r) => r.endpoint === 'slow')).toEqual([]);
  for (const n of fast) expect(results.filter((r) => r.endpoint === n).every((r) => r.success)).toBe(true);
  // The slow endpoint's own later runs were skipped (never queued); no fast run was.
  const skips = prober.metrics.counter(METRICS.proberSkippedRuns);
  const skipped = (endpoint: string) => skips.get({ endpoint, check: 'delivery', reason: 'overlap' }) ?? 0;
  expect(skipped('slow')).toBeGreaterThan(0);
  for (const n of fast) expect(skipped(n)).toBe(0);
  // Released, the slow probe completes as a success: it only ever waited for its own receiver.
  for (const release of held.splice(0)) release();
  await expect.poll(() => results.filter((r) => r.endpoint === 'slow').length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect(results.find((r) => r.endpoint === 'slow')!.success).toBe(true);
}, 90_000);
