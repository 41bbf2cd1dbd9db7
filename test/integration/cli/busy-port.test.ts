/**
 * Every daemon command, run as the real binary against a port already in
 * use, prints the same single error line (no stack trace) and exits 1;
 * `--log.format json` prints that line as JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, stopAll } from '../../support/process.js';
import { httpServer, type TestServer } from '../../support/servers.js';

let dir: string;
let busy: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-busy-'));
  busy = await httpServer(() => undefined);
});
afterAll(async () => {
  stopAll();
  await busy.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A config where `busyField` listens on the busy port and every other server on port 0. */
function config(name: string, busyField: 'prober' | 'exporter' | 'receiver'): string {
  const at = (f: string) => (f === busyField ? `127.0.0.1:${busy.port}` : '127.0.0.1:0');
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `endpoints:
  - { name: primary, url: "http://127.0.0.1:1/webhook" }
prober: { listen: "${at('prober')}" }
exporter: { listen: "${at('exporter')}", state_dir: ./state-${name} }
receivers:
  - { endpoint: primary, listen: "${at('receiver')}" }
`);
  return file;
}

const line = (component: string, field: string) => new RegExp(
  `^ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=error component=${component} msg="cannot listen" `
  + `field=${field.replace(/[[\].]/g, '\\$&')} address=127\\.0\\.0\\.1:\\d+ code=HOOKWATCH_LISTEN_ADDRESS_IN_USE `
  + `error="address already in use \\(is another hookwatch running\\?\\)"$`,
);

describe('a port already in use', () => {
  const cases = [
    { command: 'probe', busy: 'prober', component: 'prober', field: 'prober.listen' },
    { command: 'export', busy: 'exporter', component: 'exporter', field: 'exporter.listen' },
    { command: 'receive', busy: 'receiver', component: 'receiver', field: 'receivers[primary].listen' },
    // up starts the exporter first: it is stopped again before up exits.
    { command: 'up', busy: 'prober', component: 'up', field: 'prober.listen', args: ['--no-demo'] },
  ] as const;
  for (const c of cases) {
    it(`is one line from ${c.command}, exit 1`, async () => {
      const r = await runCli([c.command, '--config', config(c.command, c.busy), ...('args' in c ? c.args : [])]);
      expect(r.code, r.stderr).toBe(1);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(line(c.component, c.field));
      expect(lines[0]).toContain(`address=127.0.0.1:${busy.port} `);
      expect(r.stdout).toBe('');
    });
  }

  it('is one JSON object with --log.format json', async () => {
    const r = await runCli(['probe', '--config', config('json', 'prober'), '--log.format', 'json']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error', component: 'prober', msg: 'cannot listen', field: 'prober.listen',
      address: `127.0.0.1:${busy.port}`, code: 'HOOKWATCH_LISTEN_ADDRESS_IN_USE',
    });
  });

  it('refuses an unknown --log.level as a usage error', async () => {
    const r = await runCli(['probe', '--config', config('level', 'prober'), '--log.level', 'verbose']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('hookwatch probe: Invalid --log.level "verbose". Must be one of debug, info, warn, error.');
  });
});
