/**
 * The prober as a daemon part: the prober, its status page and its HTTP
 * server on prober.listen. `probe`, `up` and `stack` all start it here.
 */
import type { Config } from '../../config/index.js';
import type { Logger } from '../../daemon/index.js';
import { Prober, startMetricsServer } from '../../prober/index.js';
import { historyLimits, StatusPage, type DeliveryFiguresSource } from '../../status/index.js';
import type { Part } from '../lifecycle.js';
import { VERSION } from '../version.js';

export interface ProberPartOptions {
  readonly log: Logger;
  /** The in-process exporter's delivery figures, for the status page. */
  readonly deliveryFigures?: DeliveryFiguresSource;
}

export interface RunningProber {
  readonly part: Part;
  readonly prober: Prober;
  /** `http://host:port` of the status page and /metrics. */
  readonly url: string;
}

export async function startProber(config: Config, o: ProberPartOptions): Promise<RunningProber> {
  const status = new StatusPage({
    version: VERSION, history: historyLimits(config),
    ...(o.deliveryFigures ? { deliveryFigures: o.deliveryFigures } : {}),
  });
  const prober = new Prober(config, { version: VERSION, log: o.log, onResult: status.record });
  const server = await startMetricsServer({
    host: config.prober.listen.host, port: config.prober.listen.port,
    metrics: () => prober.metrics.store, ready: () => prober.started, routes: status.attach(prober).routes,
  });
  prober.start();
  const part: Part = {
    name: 'prober',
    reload: (next) => prober.reload(next),
    reloaded: (ok) => prober.metrics.reloaded(ok),
    stop: async () => {
      await prober.stop();
      status.close();
      await server.close();
    },
  };
  return { part, prober, url: server.url };
}
