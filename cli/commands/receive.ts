import { configFrom, parse, UsageError } from '../args.js';
import { runDaemon } from '../lifecycle.js';
import { LOG_FLAGS, LOG_HELP, loggerFrom } from '../log-flags.js';
import { startReceiver } from '../parts/receiver.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch receive --config FILE [--endpoint NAME]

Runs the reference receivers of the config (all, or the one for NAME):
signature verification, replay protection, idempotency, a processing queue
with retries, a DLQ with replay, health and fault injection. SIGHUP applies
new faults; SIGTERM drains the queue and exits.

${LOG_HELP}`;

export const receive: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, endpoint: { type: 'string', short: 'e' }, ...LOG_FLAGS }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const chosen = config.receivers.filter((r) => !opts.endpoint || r.endpoint.name === opts.endpoint);
    if (chosen.length === 0) throw new UsageError(opts.endpoint ? `Invalid --endpoint "${opts.endpoint}". Must be one of ${config.receivers.map((r) => r.endpoint.name).join(', ') || '(no receivers configured)'}.` : 'the config has no receivers: section');
    const log = loggerFrom(opts).with({ component: 'receiver' });
    return runDaemon({
      log, configPath: opts.config!,
      start: async (parts) => {
        const listening: { endpoint: string; url: string }[] = [];
        for (const rc of chosen) {
          const { part, endpoint, url } = await startReceiver(rc, log);
          parts.push(part);
          listening.push({ endpoint, url: `${url}/webhook` });
        }
        return () => { for (const l of listening) log.info('listening', l); };
      },
    });
  },
};
