/**
 * hookwatch's own components in this process: the demo receivers and
 * simulator (when asked), the exporter and the prober. Shared by `up` and
 * `stack`; each started part is pushed so the lifecycle can reload and stop it.
 */
import type { Config } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import type { Part } from '../lifecycle.js';
import { startExporter } from '../parts/exporter.js';
import { startProber } from '../parts/prober.js';
import { startReceiver } from '../parts/receiver.js';
import { startSimulator } from '../parts/simulator.js';

/** Starts the components; resolves with the banner's [label, URL] rows. */
export async function startComponents(config: Config, demo: boolean, log: Logger, parts: Part[]): Promise<[string, string][]> {
  const urls: [string, string][] = [];
  if (demo) {
    for (const rc of config.receivers) {
      const { part, url } = await startReceiver(rc, log.with({ component: 'receiver' }));
      parts.push(part);
      urls.push([part.name, `${url}/webhook  (health ${url}/webhook-health, DLQ ${url}/dlq)`]);
    }
  }
  const exporter = await startExporter(config, { log: log.with({ component: 'exporter' }) });
  parts.push(exporter.part);
  urls.push(['exporter metrics', `${exporter.url}/metrics`]);

  // The status page reads the exporter's delivery figures through a function, in process.
  // An exporter-only config (prober.enabled: false) runs no prober, and its build has no prober job.
  if (config.components.prober) {
    const prober = await startProber(config, { log: log.with({ component: 'prober' }), deliveryFigures: exporter.deliveryTotals });
    parts.push(prober.part);
    urls.push(['status page', `${prober.url}/`]);
    urls.push(['prober metrics', `${prober.url}/metrics`]);
  }

  if (demo && config.simulator) {
    parts.push(startSimulator(config.simulator, log.with({ component: 'simulator' })));
    urls.push(['simulator log', config.simulator.log.path]);
  }
  return urls;
}
