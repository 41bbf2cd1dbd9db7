/**
 * The table of commands, one file each. Each file is imported only when its
 * command runs: a daemon does not load the dashboard SDK, and a short command
 * starts fast.
 */
import type { Command } from './command.js';

export interface CommandEntry extends Command {
  readonly summary: string;
}

function lazy(summary: string, load: () => Promise<Command>): CommandEntry {
  return { summary, run: async (argv) => (await load()).run(argv) };
}

export const COMMANDS: Record<string, CommandEntry> = {
  build: lazy('write dashboards, rule files, alertmanager.yml and prometheus.yml', () => import('./build.js').then((m) => m.build)),
  check: lazy('validate a config file, and its generated files with promtool/amtool', () => import('./check.js').then((m) => m.check)),
  dashboards: lazy('dashboards push: import the dashboards into a running Grafana', () => import('./dashboards.js').then((m) => m.dashboards)),
  export: lazy('turn delivery logs into exact Prometheus metrics (daemon, or --once)', () => import('./export.js').then((m) => m.exportCommand)),
  backfill: lazy('turn historical delivery logs into OpenMetrics for promtool tsdb create-blocks-from', () => import('./backfill.js').then((m) => m.backfillCommand)),
  probe: lazy('run the synthetic prober (daemon), or every check once with --once', () => import('./probe.js').then((m) => m.probe)),
  send: lazy('send one signed test event to an endpoint', () => import('./send.js').then((m) => m.send)),
  loadtest: lazy('send signed events at a bounded rate to a loopback endpoint', () => import('./loadtest.js').then((m) => m.loadtest)),
  up: lazy('run everything in one process (npm start runs the demo)', () => import('./up.js').then((m) => m.up)),
  receive: lazy('run the reference webhook receiver(s) of the config', () => import('./receive.js').then((m) => m.receive)),
  simulate: lazy('run the traffic simulator of the config alone', () => import('./simulate.js').then((m) => m.simulate)),
  maintenance: lazy('maintenance start/end: silence an endpoint in Alertmanager for a while, or end it', () => import('./maintenance.js').then((m) => m.maintenance)),
  stack: lazy('run real Prometheus and Alertmanager with the generated configs, and hookwatch', () => import('./stack.js').then((m) => m.stack)),
};
