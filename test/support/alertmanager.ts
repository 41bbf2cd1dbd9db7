/**
 * A real Alertmanager 0.25 (Debian's binary) on a free port with a config
 * file, ready when this resolves; `stop()` ends it. Debian's binary loads
 * /usr/share/prometheus/alertmanager/default.tmpl, which `npm run tools`
 * installs.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from './servers.js';
import { tool } from './tools.js';

const TEMPLATES = '/usr/share/prometheus/alertmanager/default.tmpl';

export interface RunningAlertmanager {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Ends it and removes its storage once it has exited (it writes there until then). */
  stop(): Promise<void>;
}

export async function startAlertmanager(configFile: string, readyWithinMs = 60_000): Promise<RunningAlertmanager> {
  if (!existsSync(TEMPLATES)) throw new Error(`${TEMPLATES} is missing: run "npm run tools" (scripts/fetch-prometheus-tools.sh)`);
  const [port] = await freePorts(1);
  const url = `http://127.0.0.1:${port}`;
  const storage = mkdtempSync(join(tmpdir(), 'hookwatch-am-'));
  const child = spawn(tool('prometheus-alertmanager'), [
    `--config.file=${configFile}`, `--storage.path=${storage}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=',
  ], { stdio: 'ignore' });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(storage, { recursive: true, force: true });
  };
  const until = Date.now() + readyWithinMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) return { url, stop };
    } catch { /* not listening yet */ }
    if (child.exitCode !== null || Date.now() > until) {
      await stop();
      throw new Error(`Alertmanager did not become ready (exit ${child.exitCode}) with ${configFile}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
