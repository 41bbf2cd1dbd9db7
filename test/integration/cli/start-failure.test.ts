/**
 * A start failure that is not a bug is one log line and exit 1, never a
 * stack trace: here, a copy of the built package whose status page script
 * was never built.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from '../../support/tools.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-nopage-'));
  for (const p of ['bin', 'package.json']) cpSync(join(ROOT, p), join(dir, p), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'dist/browser')) });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'hookwatch.yaml'), 'endpoints:\n  - { name: primary, url: "http://127.0.0.1:1/webhook" }\nprober: { listen: "127.0.0.1:0" }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('is one "cannot start" line when the status page is not built, exit 1', () => {
  const r = spawnSync(process.execPath, [join(dir, 'bin/hookwatch.js'), 'probe', '--config', join(dir, 'hookwatch.yaml')], { encoding: 'utf8', timeout: 20_000 });
  expect(r.status, r.stderr).toBe(1);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/ level=error component=prober msg="cannot start" code=HOOKWATCH_STATUS_PAGE_NOT_BUILT error="The status page script is not built: .*status\.js is missing\. Run `npm run build`\."$/);
  expect(r.stdout).toBe('');
});
