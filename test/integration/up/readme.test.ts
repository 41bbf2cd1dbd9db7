/**
 * The README shows what `npm start` prints: this runs `hookwatch up` with
 * examples/demo.yaml (copied to a temporary folder, on free ports), puts the
 * demo's ports and a placeholder folder back, and compares the banner with
 * the README's block line for line.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { codeBlocks } from '../../support/doc-examples.js';
import { startCli, stopAll } from '../../support/process.js';
import { freePorts } from '../../support/servers.js';
import { ROOT } from '../../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-readme-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

const DEMO_PORTS = ['8601', '8602', '9468', '9469'];
const PLACEHOLDER = '/path/to/hookwatch';

it("the README's npm start block is what hookwatch up prints for the demo", async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = codeBlocks(readme).find((b) => b.text.includes(' is up ('));
  expect(block, 'a README block showing the banner').toBeDefined();

  const ports = (await freePorts(DEMO_PORTS.length)).map(String);
  let config = readFileSync(join(ROOT, 'examples/demo.yaml'), 'utf8');
  DEMO_PORTS.forEach((p, i) => { config = config.replaceAll(`127.0.0.1:${p}`, `127.0.0.1:${ports[i]}`); });
  mkdirSync(join(dir, 'examples'));
  writeFileSync(join(dir, 'examples/demo.yaml'), config);

  const up = startCli(['up', '--config', join(dir, 'examples/demo.yaml')]);
  await up.waitFor(/Press Ctrl-C to stop\./, 30_000);
  let banner = up.stdout().trimEnd();
  ports.forEach((p, i) => { banner = banner.replaceAll(`127.0.0.1:${p}`, `127.0.0.1:${DEMO_PORTS[i]}`); });
  banner = banner.replaceAll(dir, PLACEHOLDER);
  up.child.kill('SIGINT');
  expect(await up.exited()).toBe(0);
  expect(banner).toBe(block?.text.trimEnd());
}, 60_000);
