/**
 * hookwatch's own components in this process: the demo receivers and
 * simulator (when asked), the exporter and the prober. Shared by `up` and
 * `stack`; each started part registers how to stop it.
 */
import type { Config } from '../../config/index.js';
import { startDaemon as startExporter } from '../../exporter/daemon.js';
import { settingsFrom } from '../../exporter/settings.js';
import { Prober, startMetricsServer } from '../../prober/index.js';
import { StatusPage } from '../../prober/status/index.js';
import { Receiver, RotatingLogWriter, startReceiverServer } from '../../receiver/index.js';
import { Simulator } from '../../receiver/simulator/simulator.js';
import { log } from '../daemon.js';
import { VERSION } from '../version.js';

/** A running part and how to stop it; stopped in reverse start order. */
export type Stopper = { name: string; stop: () => Promise<void> };

export async function startComponents(config: Config, demo: boolean, stoppers: Stopper[], urls: [string, string][]): Promise<void> {
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

  // The status page reads the exporter's figures the way Prometheus does, from its /metrics.
  const status = new StatusPage({
    version: VERSION, historySize: config.prober.historySize,
    exporterMetrics: async () => (await fetch(`${exporter.url}/metrics`)).text(),
  });
  const prober = new Prober(config, { version: VERSION, log: logTo('prober'), onResult: status.record });
  const server = await startMetricsServer({
    host: config.prober.listen.host, port: config.prober.listen.port,
    registry: () => prober.metrics.registry, ready: () => prober.started, routes: status.attach(prober).routes,
  }).catch((err: unknown) => {
    throw Object.assign(err as Error, { field: `prober.listen ${config.prober.listen.text}` });
  });
  prober.start();
  stoppers.push({ name: 'prober', stop: async () => { await prober.stop(); status.close(); await server.close(); } });
  urls.push(['status page', `${server.url}/`]);
  urls.push(['prober metrics', `${server.url}/metrics`]);

  if (demo && config.simulator) {
    const writer = new RotatingLogWriter(config.simulator.log);
    const sim = new Simulator(config.simulator, { writer });
    sim.start();
    stoppers.push({ name: 'simulator', stop: async () => { await sim.stop(); writer.close(); } });
    urls.push(['simulator log', config.simulator.log.path]);
  }
}

export async function stopComponents(stoppers: Stopper[]): Promise<void> {
  for (const s of stoppers.reverse()) {
    try {
      await s.stop();
    } catch (err) {
      log('up', `level=error msg="stop failed" part=${JSON.stringify(s.name)} error=${JSON.stringify((err as Error).message)}`);
    }
  }
}
