/**
 * The daemon lifecycle in-process: start failures, SIGHUP reload into the
 * parts, stop in reverse order, and every signal listener removed again.
 * Signals are delivered by calling the listeners runDaemon added, so the
 * test runner's own listeners never fire.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckpointError } from '../../../exporter/index.js';
import { createLogger, ListenError } from '../../../daemon/index.js';
import { runDaemon, type Part } from '../../../cli/lifecycle.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-lifecycle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cfg = join(dir, 'hookwatch.yaml');
const GOOD = 'endpoints:\n  - { name: a, url: "http://127.0.0.1:1/x" }\n';
writeFileSync(cfg, GOOD);

const SIGNALS = ['SIGHUP', 'SIGTERM', 'SIGINT'] as const;
type Sig = (typeof SIGNALS)[number];
const counts = () => SIGNALS.map((s) => process.listenerCount(s));

function harness() {
  const lines: string[] = [];
  const log = createLogger({ write: (l) => void lines.push(l.replace(/^ts=\S+ /, '').trimEnd()) });
  const events: string[] = [];
  const part = (name: string, extra: Partial<Part> = {}): Part => ({ name, stop: async () => void events.push(`stop ${name}`), ...extra });
  return { lines, log, events, part };
}

/** Calls the listeners added since `before` for a signal. */
function deliver(signal: Sig, before: readonly ((...a: unknown[]) => void)[]): void {
  for (const l of process.listeners(signal)) if (!before.includes(l as never)) (l as (s: string) => void)(signal);
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('runDaemon', () => {
  it('reloads every part on SIGHUP, stops in reverse order, and removes every signal listener', async () => {
    const { lines, log, events, part } = harness();
    const before = counts();
    const prior = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)])) as Record<Sig, never[]>;
    const reloads: boolean[] = [];
    const done = runDaemon({
      log, configPath: cfg,
      start: async (parts) => {
        parts.push(part('a', { reload: () => void events.push('reload a'), reloaded: (ok) => void reloads.push(ok) }), part('b'));
        return () => log.info('listening');
      },
    });
    await tick();
    expect(counts()).toEqual(before.map((n) => n + 1));
    deliver('SIGHUP', prior.SIGHUP);
    await tick();
    writeFileSync(cfg, 'endpoints:\n  - { name: a, url: nope }\n');
    deliver('SIGHUP', prior.SIGHUP);
    await tick();
    writeFileSync(cfg, GOOD);
    deliver('SIGTERM', prior.SIGTERM);
    expect(await done).toBe(0);
    expect(events).toEqual(['reload a', 'stop b', 'stop a']);
    expect(reloads).toEqual([true, false]);
    expect(lines).toEqual([
      'level=info msg=listening',
      'level=warn msg="reload not supported; restart to apply changes" part=b',
      `level=info msg="config reloaded" file=${cfg}`,
      expect.stringMatching(/^level=error msg="config reload failed, keeping the running config" error=".*endpoints\[0\]\.url: got \\"nope\\"/),
      'level=info msg=stopping signal=SIGTERM',
    ]);
    expect(counts()).toEqual(before);
  });

  it('logs one line for a port in use, stops what had started, and returns 1', async () => {
    const { lines, log, events, part } = harness();
    const before = counts();
    const busy = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    const code = await runDaemon({
      log, configPath: cfg,
      start: async (parts) => {
        parts.push(part('exporter'));
        throw new ListenError('prober.listen', '127.0.0.1:9468', busy);
      },
    });
    expect(code).toBe(1);
    expect(events).toEqual(['stop exporter']);
    expect(lines).toEqual(['level=error msg="cannot listen" field=prober.listen address=127.0.0.1:9468 code=HOOKWATCH_LISTEN_ADDRESS_IN_USE error="address already in use (is another hookwatch running?)"']);
    expect(counts()).toEqual(before);
  });

  it('logs a typed start failure as one line and lets any other error through', async () => {
    const { lines, log } = harness();
    const fail = (err: Error) => runDaemon({ log, configPath: cfg, start: async () => { throw err; } });
    expect(await fail(new CheckpointError('/s/checkpoint.json: not valid JSON'))).toBe(1);
    expect(lines).toEqual(['level=error msg="cannot start" code=HOOKWATCH_CHECKPOINT error="/s/checkpoint.json: not valid JSON"']);
    await expect(fail(new TypeError('a bug'))).rejects.toThrow('a bug');
  });

  it('logs an operating-system start failure (EACCES on a state_dir) as one line', async () => {
    const { lines, log } = harness();
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/s'"), { code: 'EACCES', syscall: 'mkdir', path: '/s' });
    expect(await runDaemon({ log, configPath: cfg, start: async () => { throw denied; } })).toBe(1);
    expect(lines).toEqual(['level=error msg="cannot start" code=EACCES error="EACCES: permission denied, mkdir \'/s\'"']);
  });

  it('returns 1 when a part fails to stop, after stopping the others', async () => {
    const { lines, log, events, part } = harness();
    const prior = process.listeners('SIGINT');
    const done = runDaemon({
      log, configPath: cfg,
      start: async (parts) => {
        parts.push(part('a'), part('b', { stop: async () => { throw new Error('stuck'); } }));
        return () => undefined;
      },
    });
    await tick();
    deliver('SIGINT', prior as never[]);
    expect(await done).toBe(1);
    expect(events).toEqual(['stop a']);
    expect(lines).toContain('level=error msg="stop failed" part=b error=stuck');
  });
});
