/**
 * The local stack without Docker: real Prometheus and Alertmanager (Debian's
 * builds in .tools/bin, or on PATH) with the generated configs, next to
 * hookwatch's own components. The files are the ones docker-compose.yml
 * uses; only the addresses differ.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/index.js';
import { buildFiles } from '../build-files.js';
import { startManaged, waitReady, type Managed } from './process.js';

export interface StackOptions {
  readonly config: Config;
  /** Where generated files, TSDB and logs go. */
  readonly dir: string;
  /** Extra prober addresses to scrape (probers of other regions). */
  readonly extraProbers?: readonly string[];
  /** 0 picks free ports. */
  readonly prometheusPort?: number;
  readonly alertmanagerPort?: number;
  readonly toolDirs?: readonly string[];
}

/** Prometheus or Alertmanager did not start; the message says where its log is. */
export class StackError extends Error {
  readonly code = 'HOOKWATCH_STACK_START';
  override readonly name = 'StackError';
}

export interface RunningStack {
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  readonly dir: string;
  stop(): Promise<void>;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_TOOL_DIRS = [join(HERE, '../../.tools/bin'), join(HERE, '../../../.tools/bin')];

function findTool(name: string, dirs: readonly string[]): string {
  for (const d of dirs) if (existsSync(join(d, name))) return join(d, name);
  return name; // PATH
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const hostPort = (l: { host: string; port: number }) => `${l.host === '0.0.0.0' ? '127.0.0.1' : l.host}:${l.port}`;

export async function startStack(o: StackOptions): Promise<RunningStack> {
  const dirs = o.toolDirs ?? DEFAULT_TOOL_DIRS;
  const promPort = o.prometheusPort || (await freePort());
  const amPort = o.alertmanagerPort || (await freePort());
  const files = buildFiles(o.config, {
    prober: [hostPort(o.config.prober.listen), ...(o.extraProbers ?? [])],
    exporter: [hostPort(o.config.exporter.listen)],
    alertmanager: [`127.0.0.1:${amPort}`],
    ruleFilesDir: join(o.dir, 'prometheus/rules'),
  });
  for (const f of files) {
    mkdirSync(dirname(join(o.dir, f.path)), { recursive: true });
    writeFileSync(join(o.dir, f.path), f.content);
  }
  mkdirSync(join(o.dir, 'logs'), { recursive: true });
  const started: Managed[] = [];
  const stop = async () => {
    for (const p of started.reverse()) await p.stop();
  };
  try {
    const am = startManaged('alertmanager', findTool('prometheus-alertmanager', dirs), [
      `--config.file=${join(o.dir, 'alertmanager/alertmanager.yml')}`,
      `--storage.path=${join(o.dir, 'alertmanager-data')}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ], join(o.dir, 'logs/alertmanager.log'));
    started.push(am);
    const prom = startManaged('prometheus', findTool('prometheus', dirs), [
      `--config.file=${join(o.dir, 'prometheus/prometheus.yml')}`,
      `--storage.tsdb.path=${join(o.dir, 'prometheus-data')}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      '--web.enable-lifecycle',
      // Alerts are first sent before Prometheus has discovered Alertmanager;
      // with the default 1m resend delay the first notification would wait a
      // minute. Resending every evaluation keeps the stack's latency honest.
      `--rules.alert.resend-delay=${o.config.alerts.evaluationInterval.text}`,
      '--log.level=warn',
    ], join(o.dir, 'logs/prometheus.log'));
    started.push(prom);
    await waitReady(am, `http://127.0.0.1:${amPort}/-/ready`);
    await waitReady(prom, `http://127.0.0.1:${promPort}/-/ready`);
  } catch (err) {
    await stop();
    throw new StackError((err as Error).message, { cause: err });
  }
  return { prometheusUrl: `http://127.0.0.1:${promPort}`, alertmanagerUrl: `http://127.0.0.1:${amPort}`, dir: o.dir, stop };
}
