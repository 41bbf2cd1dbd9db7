import { Prober, startMetricsServer, type ProbeOutcome } from '../../prober/index.js';
import { StatusPage } from '../../prober/status/index.js';
import { PHASES } from '../../catalog/index.js';
import { configFrom, parse } from '../args.js';
import { log, runDaemon } from '../daemon.js';
import { ms, table } from '../format.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch probe --config FILE [--once [--json]]

Probes every endpoint on its schedule and serves the status page (/),
/api/status, /metrics, /-/healthy and /-/ready on prober.listen. SIGHUP
reloads the config; SIGTERM lets running probes finish, then exits.

  --once   run every check once, print the results, exit 1 if any failed
  --json   with --once: print JSON instead of a table`;

export const probe: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, once: { type: 'boolean' }, json: { type: 'boolean' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    if (opts.once) {
      const prober = new Prober(config, { version: VERSION });
      const results = await prober.runOnce();
      console.log(opts.json ? JSON.stringify(results.map(publicOutcome), null, 2) : outcomesTable(results));
      return results.every((r) => r.success) ? 0 : 1;
    }
    const status = new StatusPage({ version: VERSION, historySize: config.prober.historySize });
    const prober = new Prober(config, { version: VERSION, log: (l) => log('prober', l), onResult: status.record });
    const server = await startMetricsServer({
      host: config.prober.listen.host,
      port: config.prober.listen.port,
      registry: () => prober.metrics.registry,
      ready: () => prober.started,
      routes: status.attach(prober).routes,
    });
    prober.start();
    // Signal handlers first, then the line tests and users wait for.
    const stopped = runDaemon('prober', opts.config!, {
      reload: (next) => prober.reload(next),
      reloaded: (ok) => prober.metrics.reloaded(ok),
      stop: async () => {
        await prober.stop();
        status.close();
        await server.close();
      },
    });
    log('prober', `level=info msg="listening" url=${server.url} endpoints=${config.endpoints.length} targets=${prober.targets.length} region=${config.prober.region}`);
    await stopped;
    return 0;
  },
};

/** The outcome without request headers (they carry signatures). */
export function publicOutcome(o: ProbeOutcome): Omit<ProbeOutcome, 'requestHeaders'> {
  const { requestHeaders: _omit, ...rest } = o;
  return rest;
}

export function outcomesTable(results: readonly ProbeOutcome[]): string {
  return table(
    ['ENDPOINT', 'CHECK', 'RESULT', 'STATUS', 'TOTAL', ...PHASES.map((p) => p.toUpperCase()), 'DETAIL'],
    results.map((r) => [r.endpoint, r.check, r.result, r.status ? String(r.status) : '-', ms(r.durationSeconds), ...PHASES.map((p) => ms(r.phases[p])), r.detail]),
  );
}
