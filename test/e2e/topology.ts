/**
 * Processes of the scale-out end-to-end test: the real Prometheus agent,
 * VictoriaMetrics, vmalert and Alertmanager binaries from .tools/, started
 * with the flags `hookwatch build` wrote (scale-out/*.args) plus only their
 * paths and listen addresses, and stopped with the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArgs } from '../../cli/topology/index.js';
import { tool, type Tool } from '../support/tools.js';

export interface Proc {
  readonly name: string;
  readonly child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const running = new Set<Proc>();

export function startTool(name: string, bin: Tool, args: readonly string[]): Proc {
  const child = spawn(tool(bin), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const p: Proc = {
    name, child, output: () => out,
    stop: async (signal = 'SIGTERM') => {
      running.delete(p);
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A stuck process is killed after 20 s.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
  running.add(p);
  return p;
}

export async function stopTools(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop()));
}

/** The argument lines of a generated scale-out/*.args file. */
export function argsOf(out: string, file: string): string[] {
  return readArgs(readFileSync(join(out, 'scale-out', file), 'utf8'));
}

/** One series' samples from VictoriaMetrics' /api/v1/export (JSON lines). */
export async function exportSeries(vm: string, match: string, start: number, end: number): Promise<{ metric: Record<string, string>; timestamps: number[]; values: number[] }[]> {
  const res = await fetch(`${vm}/api/v1/export?match[]=${encodeURIComponent(match)}&start=${start}&end=${end}`);
  if (!res.ok) throw new Error(`export ${match}: ${res.status} ${await res.text()}`);
  return (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { metric: Record<string, string>; timestamps: number[]; values: number[] });
}

/** The longest time between consecutive samples (ms), with the window's edges counted as samples. */
export function longestGap(timestamps: readonly number[], startMs: number, endMs: number): number {
  const t = [startMs, ...[...timestamps].sort((a, b) => a - b).filter((x) => x >= startMs && x <= endMs), endMs];
  let gap = 0;
  for (let i = 1; i < t.length; i++) gap = Math.max(gap, t[i]! - t[i - 1]!);
  return gap;
}
