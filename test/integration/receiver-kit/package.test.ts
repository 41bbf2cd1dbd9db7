/**
 * `hookwatch/receiver` as a user gets it: `npm pack` makes the tarball, it
 * is unpacked into a fresh project's node_modules (its dependencies linked
 * from this checkout's, since the registry is not the thing under test),
 * and that project imports the export with Node and type-checks against it
 * with tsc, skipLibCheck off, so the shipped .d.ts must stand on their own.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/tools.js';

let dir = '';
let files: string[] = [];

const CONSUMER = `
import { createWebhook, expressWebhook, fastifyWebhook, memoryStore, nodeWebhook, redisStore, type WebhookEvent } from 'hookwatch/receiver';
import { Registry } from 'prom-client';

const registry = new Registry();
const hook = createWebhook({ endpoint: 'payments-primary', scheme: 'stripe', secrets: ['whsec_x'], registry, store: memoryStore() });
const handler = async (event: WebhookEvent): Promise<void> => { void event.id; };
const answer = await hook.handle({ headers: {}, body: '{}' }, handler);
const kinds: string[] = [typeof nodeWebhook(hook, handler), typeof expressWebhook(hook, handler), typeof fastifyWebhook(hook, handler), typeof redisStore];
console.log(JSON.stringify({ status: answer.status, error: answer.body.error, kinds, metrics: (await registry.getMetricsAsJSON()).map((m) => m.name) }));
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-pack-'));
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  const packed = (JSON.parse(out) as { filename: string; files: { path: string }[] }[])[0]!;
  files = packed.files.map((f) => f.path);
  const app = join(dir, 'app');
  const pkg = join(app, 'node_modules', 'hookwatch');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, packed.filename), '-C', pkg, '--strip-components=1']);
  const deps = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);
  for (const d of [...deps, '@types/node']) {
    mkdirSync(dirname(join(app, 'node_modules', d)), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', d), join(app, 'node_modules', d));
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(app, 'consumer.ts'), CONSUMER);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, types: ['node'], outDir: 'out' },
    files: ['consumer.ts'],
  }));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the library with its types and no tests', () => {
    expect(files).toEqual(expect.arrayContaining(['package.json', 'dist/receiver-kit/index.js', 'dist/receiver-kit/index.d.ts', 'dist/signing/index.d.ts']));
    expect(files.filter((f) => f.startsWith('test/') || f.includes('.test.'))).toEqual([]);
  });

  it('type-checks a consumer importing hookwatch/receiver, and runs it with Node', () => {
    const app = join(dir, 'app');
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    const out = execFileSync(process.execPath, [join(app, 'out/consumer.js')], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      status: 401, error: 'signature missing_header', kinds: ['function', 'function', 'function', 'function'],
      metrics: ['webhook_events_processed_total', 'webhook_processing_seconds', 'webhook_end_to_end_seconds'],
    });
  }, 120_000);

  it('refuses a deep import outside the exports map', () => {
    const app = join(dir, 'app');
    const run = () => execFileSync(process.execPath, ['--input-type=module', '-e', "await import('hookwatch/dist/cli/program.js')"], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    expect(run).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
  });
});
