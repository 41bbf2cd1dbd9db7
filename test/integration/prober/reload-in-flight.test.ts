/**
 * A probe still running when a reload removes its endpoint records
 * nothing once it finishes: the endpoint's series (and its status history)
 * stay gone instead of coming back with one late result. The receiver
 * answers only when the test releases it, so the order is certain.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { Prober, type ProbeOutcome } from '../../../prober/index.js';
import { configFromYaml } from '../../support/config.js';
import { sample } from '../../support/scrape.js';
import { httpServer, json, readBody, type TestServer } from '../../support/servers.js';

let receiver: TestServer;
const held: (() => void)[] = [];

beforeAll(async () => {
  receiver = await httpServer(async (req, res) => {
    await readBody(req);
    const answer = () => json(res, 200, { ok: true }, { connection: 'close' });
    if (req.url === '/held') held.push(answer);
    else answer();
  });
});

afterAll(async () => {
  for (const release of held.splice(0)) release();
  await receiver.close();
});

const ep = (name: string, path: string) => `  - name: ${name}\n    url: ${receiver.url}${path}\n    signing: { scheme: none }\n    checks: { delivery: { expect: { status: [200] } } }\n`;

it('records nothing for a probe whose endpoint a reload removed while it ran', async () => {
  const results: ProbeOutcome[] = [];
  const prober = new Prober(configFromYaml(`endpoints:\n${ep('keep', '/fast')}${ep('drop', '/held')}`), { version: 'test', onResult: (o) => results.push(o) });
  const drop = prober.targets.find((t) => t.endpoint.name === 'drop')!;
  const keep = prober.targets.find((t) => t.endpoint.name === 'keep')!;
  const inFlight = prober.probe(drop);
  while (!held.length) await new Promise((r) => setTimeout(r, 20));
  prober.reload(configFromYaml(`endpoints:\n${ep('keep', '/fast')}`));
  held.shift()!();
  const late = await inFlight;
  expect(late.success).toBe(true);
  await prober.probe(keep);
  const text = await prober.metrics.metrics();
  expect(sample(text, METRICS.probeUp.name, { endpoint: 'drop' })).toBeUndefined();
  expect(sample(text, METRICS.probeDuration.name + '_count', { endpoint: 'drop' })).toBeUndefined();
  expect(sample(text, METRICS.probeUp.name, { endpoint: 'keep' })).toBe(1);
  expect(results.map((o) => o.endpoint)).toEqual(['keep']);
});
