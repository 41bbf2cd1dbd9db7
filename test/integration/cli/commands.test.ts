/**
 * The command line around the commands, run as the real binary: `help CMD`,
 * `-v`/`--version`, a "did you mean" for a mistyped command, usage errors
 * exit 2 in one line, `--json` needs `--once`, and ./hookwatch.yaml is the
 * config when --config is omitted.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../../support/tools.js';

const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookwatch-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hookwatch(args: readonly string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hookwatch help, version and suggestions', () => {
  it('prints a command\'s own help for "help CMD", as "CMD --help" does', () => {
    const viaHelp = hookwatch(['help', 'check']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^usage: hookwatch check --config FILE \[--no-tools\]\n/);
    expect(viaHelp.stdout).toBe(hookwatch(['check', '--help']).stdout);
  });

  it('lists every command for "help", "--help" and "-h", exit 0', () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const r = hookwatch(args);
      expect(r.code, args.join(' ')).toBe(0);
      for (const name of ['build', 'check', 'dashboards', 'export', 'backfill', 'probe', 'send', 'loadtest', 'up', 'receive', 'simulate', 'stack']) {
        expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
      }
    }
  });

  it('prints the usage on stderr and exits 2 with no command', () => {
    const r = hookwatch([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: hookwatch <command> \[options\]/);
  });

  it.each([['--version'], ['-v']])('prints the version for %s', (flag) => {
    const r = hookwatch([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  it.each([
    [['chek'], "hookwatch: unknown command 'chek' (did you mean check?)"],
    [['help', 'chek'], "hookwatch: unknown command 'chek' (did you mean check?)"],
    [['exprot', '--once'], "hookwatch: unknown command 'exprot' (did you mean export?)"],
    [['frobnicate'], "hookwatch: unknown command 'frobnicate'"],
    [['--bogus'], "hookwatch: unknown option '--bogus'"],
  ])('refuses %j in one line, exit 2', (args, line) => {
    const r = hookwatch(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });
});

describe('command flags', () => {
  it('hands every flag after the command to the command: -v there is not the version', () => {
    const r = hookwatch(['check', '--config', 'examples/demo.yaml', '--no-tools', '-v']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("hookwatch check: Unknown option '-v'\n");
  });

  it('refuses --json without --once, exit 2', () => {
    const r = hookwatch(['probe', '--config', 'examples/demo.yaml', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hookwatch probe: --json requires --once\n');
  });

  it('reads ./hookwatch.yaml when --config is omitted', () => {
    const cwd = mkdtempSync(join(dir, 'default-'));
    writeFileSync(join(cwd, 'hookwatch.yaml'), 'endpoints:\n  - { name: primary, url: "http://127.0.0.1:1/webhook" }\n');
    const r = hookwatch(['check', '--no-tools'], cwd);
    // The file was read: its only remark is that it routes alerts nowhere.
    expect(r.stderr).toMatch(/^hookwatch\.yaml: warning: notify: no receivers for critical or warning alerts/);
    expect(r.stdout).toBe('hookwatch.yaml: ok (1 endpoint)\n');
    expect(r.code).toBe(0);
  });

  it('still asks for --config when there is no ./hookwatch.yaml', () => {
    const r = hookwatch(['check', '--no-tools'], mkdtempSync(join(dir, 'none-')));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('hookwatch check: --config FILE is required (there is no ./hookwatch.yaml)\n');
  });

  it('reports a missing environment variable and a mistyped key in one line each', () => {
    const file = join(dir, 'typos.yaml');
    writeFileSync(file, 'endpoints:\n  - name: primary\n    url: "http://127.0.0.1:1/webhook"\n    helth_url: "http://127.0.0.1:1/health"\n    signing: { scheme: stripe, secret: "${env:HOOKWATCH_TEST_UNSET}" }\n');
    const r = hookwatch(['check', '--config', file, '--no-tools']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `${file}:5:40 endpoints[0].signing.secret: environment variable HOOKWATCH_TEST_UNSET is not set`,
      `${file}:4:5 endpoints[0].helth_url: unknown key (did you mean health_url?)`,
    ]);
  });
});
