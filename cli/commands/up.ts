import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/index.js';
import { startDaemon as startExporter } from '../../exporter/daemon.js';
import { settingsFrom } from '../../exporter/settings.js';
import { Prober, startMetricsServer } from '../../prober/index.js';
import { Receiver, RotatingLogWriter, startReceiverServer } from '../../receiver/index.js';
import { Simulator } from '../../receiver/simulator/simulator.js';
import { configFrom, parse } from '../args.js';
import { log, runDaemon } from '../daemon.js';
import { listenError } from '../listen-error.js';
import { VERSION } from '../version.js';
import type { Command } from './index.js';

export const DEMO_CONFIG = fileURLToPath(new URL('../../../examples/demo.yaml', import.meta.url));

const HELP = `usage: hookwatch up [--config FILE] [--no-demo]

Runs everything in one process: the reference receivers and the traffic
simulator of the config (the demo), the exporter and the prober. Without
--config it runs examples/demo.yaml. Ctrl-C stops everything cleanly.

  --no-demo   run only the prober and the exporter of your config`;

/** A running part and how to stop it, in reverse start order. */
type Stopper = { name: string; stop: () => Promise<void> };

export const up: Command = {
  summary: 'run everything in one process (npm start runs the demo)',
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, 'no-demo': { type: 'boolean' } }, HELP);
    if (!opts) return 0;
    const file = opts.config ?? DEMO_CONFIG;
    const config = configFrom(file);
    const stoppers: Stopper[] = [];
    const urls: [string, string][] = [];
    try {
      await startAll(config, !opts['no-demo'], stoppers, urls);
    } catch (err) {
      await stopAll(stoppers);
      const line = listenError(err);
      if (line) {
        console.error(`hookwatch up: ${line}`);
        return 1;
      }
      throw err;
    }
    const stopped = runDaemon('up', file, {
      reload: () => log('up', 'level=warn msg="reload is not supported by up; restart it"'),
      stop: () => stopAll(stoppers),
    });
    const width = Math.max(...urls.map(([n]) => n.length));
    console.log(`hookwatch ${VERSION} is up (${file})\n`);
    for (const [name, url] of urls) console.log(`  ${name.padEnd(width)}  ${url}`);
    console.log('\nPress Ctrl-C to stop.');
    await stopped;
    return 0;
  },
};

async function startAll(config: Config, demo: boolean, stoppers: Stopper[], urls: [string, string][]): Promise<void> {
  const logTo = (component: string) => (line: string) => log(component, line);
  if (demo) {
    for (const rc of config.receivers) {
      const r = new Receiver(rc, { log: logTo('receiver') });
      const s = await startReceiverServer(r).catch((err: unknown) => {
        throw Object.assign(err as Error, { field: `receivers[${rc.endpoint.name}].listen ${rc.listen.text}` });
      });
      stoppers.push({ name: `receiver ${rc.endpoint.name}`, stop: async () => { await s.close(); await r.stop(); } });
      urls.push([`receiver ${rc.endpoint.name}`, `${s.url}/webhook  (health ${s.url}/webhook-health, DLQ ${s.url}/dlq)`]);
    }
  }
  const exporter = await startExporter(settingsFrom(config), { version: VERSION, log: logTo('exporter') }).catch((err: unknown) => {
    throw Object.assign(err as Error, { field: `exporter.listen ${config.exporter.listen.text}` });
  });
  stoppers.push({ name: 'exporter', stop: () => exporter.stop() });
  urls.push(['exporter metrics', `${exporter.url}/metrics`]);

  const prober = new Prober(config, { version: VERSION, log: logTo('prober') });
  const server = await startMetricsServer({
    host: config.prober.listen.host, port: config.prober.listen.port,
    registry: () => prober.metrics.registry, ready: () => prober.started,
  }).catch((err: unknown) => {
    throw Object.assign(err as Error, { field: `prober.listen ${config.prober.listen.text}` });
  });
  prober.start();
  stoppers.push({ name: 'prober', stop: async () => { await prober.stop(); await server.close(); } });
  urls.push(['prober metrics', `${server.url}/metrics`]);

  if (demo && config.simulator) {
    const writer = new RotatingLogWriter(config.simulator.log);
    const sim = new Simulator(config.simulator, { writer });
    sim.start();
    stoppers.push({ name: 'simulator', stop: async () => { await sim.stop(); writer.close(); } });
    urls.push(['simulator log', config.simulator.log.path]);
  }
}

async function stopAll(stoppers: Stopper[]): Promise<void> {
  for (const s of stoppers.reverse()) {
    try {
      await s.stop();
    } catch (err) {
      log('up', `level=error msg="stop failed" part=${JSON.stringify(s.name)} error=${JSON.stringify((err as Error).message)}`);
    }
  }
}
