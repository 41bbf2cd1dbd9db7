import { Receiver, startReceiverServer } from '../../receiver/index.js';
import { configFrom, parse, UsageError } from '../args.js';
import { log, runDaemon } from '../daemon.js';
import { listenError } from '../listen-error.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch receive --config FILE [--endpoint NAME]

Runs the reference receivers of the config (all, or the one for NAME):
signature verification, replay protection, idempotency, a processing queue
with retries, a DLQ with replay, health and fault injection. SIGTERM drains
the queue and exits.`;

export const receive: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, endpoint: { type: 'string', short: 'e' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const chosen = config.receivers.filter((r) => !opts.endpoint || r.endpoint.name === opts.endpoint);
    if (chosen.length === 0) throw new UsageError(opts.endpoint ? `Invalid --endpoint "${opts.endpoint}". Must be one of ${config.receivers.map((r) => r.endpoint.name).join(', ') || '(no receivers configured)'}.` : 'the config has no receivers: section');
    const running: { r: Receiver; close: () => Promise<void>; url: string }[] = [];
    for (const rc of chosen) {
      const r = new Receiver(rc, { log: (l) => log('receiver', l) });
      try {
        const s = await startReceiverServer(r);
        running.push({ r, close: s.close, url: s.url });
      } catch (err) {
        for (const x of running) await x.close();
        const line = listenError(Object.assign(err as Error, { field: `receivers[${rc.endpoint.name}].listen ${rc.listen.text}` }));
        if (line) {
          console.error(`hookwatch receive: ${line}`);
          return 1;
        }
        throw err;
      }
    }
    const stopped = runDaemon('receiver', opts.config!, {
      reload: (next) => {
        for (const { r } of running) {
          const rc = next.receivers.find((x) => x.endpoint.name === r.endpoint);
          if (rc) r.faults.replace(rc.faults);
        }
      },
      stop: async () => {
        for (const { r, close } of running) {
          await close();
          await r.stop();
        }
      },
    });
    for (const x of running) log('receiver', `level=info msg="listening" endpoint=${x.r.endpoint} url=${x.url}/webhook`);
    await stopped;
    return 0;
  },
};
