/**
 * The README's `hookwatch/receiver` examples, as written: each is
 * type-checked (tsc, checkJs) and run with Node from inside this package
 * (so `hookwatch/receiver` resolves through the exports map), sent a
 * Stripe-signed event and its redelivery, and scraped. The Fastify example's
 * Redis store talks to a real redis-server.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks } from '../../support/doc-examples.js';
import { post, stripeRequest, STRIPE_SECRET } from '../../support/official-senders.js';
import { startRedis, type RunningRedis } from '../../support/redis.js';
import { eventually, sample } from '../../support/scrape.js';
import { freePorts } from '../../support/servers.js';
import { ROOT } from '../../support/tools.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const start = README.indexOf('## Observing your own receiver');
const SECTION = README.slice(start, README.indexOf('\n## ', start + 1));
const EXAMPLES = codeBlocks(SECTION).filter((b) => b.lang === 'js');
const NAMES = ['node-http', 'express', 'fastify'] as const;
const DIR = join(ROOT, 'test-artifacts', `readme-receiver-${process.pid}`);

let redis: RunningRedis;
const children: ChildProcess[] = [];

beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  EXAMPLES.forEach((b, i) => writeFileSync(join(DIR, `${NAMES[i]}.mjs`), `${b.text}\n`));
  redis = await startRedis();
});

afterAll(async () => {
  for (const c of children) {
    if (c.exitCode !== null) continue;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  }
  await redis?.stop();
  rmSync(DIR, { recursive: true, force: true });
});

describe('README: hookwatch/receiver examples', () => {
  it('has one example per framework, about ten lines each', () => {
    expect(EXAMPLES).toHaveLength(3);
    for (const b of EXAMPLES) expect(b.text.split('\n').length).toBeLessThanOrEqual(13);
    expect(EXAMPLES.map((b) => /from '(node:http|express|fastify)'/.exec(b.text)?.[1])).toEqual(['node:http', 'express', 'fastify']);
  });

  it('type-check against the package\'s own types', () => {
    writeFileSync(join(DIR, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', allowJs: true, checkJs: true, noEmit: true, types: ['node'], skipLibCheck: true },
      files: NAMES.map((n) => `${n}.mjs`),
    }));
    const run = () => execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', DIR], { cwd: DIR, encoding: 'utf8', stdio: 'pipe' });
    expect(run).not.toThrow();
  }, 120_000);

  it.each(NAMES.map((n, i) => [n, i] as const))('%s: runs, takes a signed event once, and serves it on /metrics', async (name) => {
    const [port] = await freePorts(1);
    const idsFile = join(DIR, `${name}-ids.jsonl`);
    const child = spawn(process.execPath, [join(DIR, `${name}.mjs`)], {
      cwd: DIR, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), STRIPE_WEBHOOK_SECRET: STRIPE_SECRET, REDIS_URL: redis.url, IDS_FILE: idsFile },
    });
    children.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited: ${out}`);
      return (await fetch(`${base}/metrics`)).ok;
    }, 60_000, 200);

    const id = `evt_readme_${name}`;
    const body = JSON.stringify({ id, type: 'payment.received', created: Math.floor(Date.now() / 1000) });
    const first = await post(`${base}/webhook`, stripeRequest(body), { 'x-request-id': `req_readme_${name}` });
    expect(first).toMatchObject({ status: 200, body: { ok: true, id }, requestId: `req_readme_${name}` });
    await eventually(() => out.includes(`req_readme_${name} payment.received ${id}`) || undefined, 15_000, 50);
    const again = await post(`${base}/webhook`, stripeRequest(body, Math.floor(Date.now() / 1000) + 1));
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, id } });

    const text = await (await fetch(`${base}/metrics`)).text();
    const labels = { endpoint: 'payments-primary', event_type: 'payment.received' };
    expect(sample(text, 'webhook_events_processed_total', { ...labels, status: 'success' })).toBe(1);
    expect(sample(text, 'webhook_events_processed_total', { ...labels, status: 'duplicate' })).toBe(1);
    // The handler's run, and the duplicate at 0 s (as the exporter counts a `processed` duplicate).
    expect(sample(text, 'webhook_processing_seconds_count', labels)).toBe(2);
    if (name === 'express') expect(existsSync(idsFile) && readFileSync(idsFile, 'utf8')).toContain(id);
    if (name === 'fastify') {
      const keys = execFileSync(join(ROOT, '.tools/bin/redis-cli'), ['-p', String(redis.port), 'KEYS', 'hookwatch:event:*'], { encoding: 'utf8' });
      expect(keys.trim()).toBe(`hookwatch:event:payments-primary:${id}`);
    }
  }, 120_000);
});
