import { Prober, type ProbeOutcome } from '../../prober/index.js';
import { PHASES } from '../../catalog/index.js';
import { configFrom, parse } from '../args.js';
import { runDaemon } from '../lifecycle.js';
import { LOG_FLAGS, LOG_HELP, loggerFrom } from '../log-flags.js';
import { startProber } from '../parts/prober.js';
import { ms, table } from '../format.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch probe --config FILE [--once [--json]]

Probes every endpoint on its schedule and serves the status page (/),
/api/status, /metrics, /-/healthy and /-/ready on prober.listen. SIGHUP
reloads the config; SIGTERM lets running probes finish, then exits.

  --once   run every check once, print the results, exit 1 if any failed
  --json   with --once: print JSON instead of a table
${LOG_HELP}`;

export const probe: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, once: { type: 'boolean' }, json: { type: 'boolean', requires: 'once' }, ...LOG_FLAGS }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    if (opts.once) {
      const prober = new Prober(config, { version: VERSION });
      const results = await prober.runOnce();
      console.log(opts.json ? JSON.stringify(results.map(publicOutcome), null, 2) : outcomesTable(results));
      return results.every((r) => r.success) ? 0 : 1;
    }
    const log = loggerFrom(opts).with({ component: 'prober' });
    return runDaemon({
      log, configPath: opts.config!,
      start: async (parts) => {
        const { part, prober, url } = await startProber(config, { log });
        parts.push(part);
        return () => log.info('listening', { url, endpoints: config.endpoints.length, targets: prober.targets.length, region: config.prober.region });
      },
    });
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
