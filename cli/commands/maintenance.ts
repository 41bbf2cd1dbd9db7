import { userInfo } from 'node:os';
import { MAINTENANCE_DEFAULTS, parseDuration } from '../../config/index.js';
import { configFrom, parse, UsageError } from '../args.js';
import { AlertmanagerError, createSilence, endpointSilences, expireSilence } from '../silences.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch maintenance start --endpoint NAME --for DURATION [--reason TEXT] [--author NAME]
                                   [--alertmanager URL] [--config FILE]
       hookwatch maintenance end (--endpoint NAME | --id ID) [--alertmanager URL] [--config FILE]

One-off maintenance through an Alertmanager silence (API v2): probes keep
running and alerts keep firing, but nothing is sent for the endpoint.

  start   silences every alert with endpoint="NAME" from now for DURATION
          (30m, 2h, 1h30m) and prints the silence id
  end     expires the silence with --id, or every active silence that start
          made for --endpoint (matcher endpoint="NAME" alone), printing each id

  --endpoint NAME      an endpoint of the config
  --for DURATION       how long the silence lasts
  --reason TEXT        the silence's comment (default "maintenance")
  --author NAME        the silence's createdBy (default: the user running it)
  --alertmanager URL   the Alertmanager (default ${MAINTENANCE_DEFAULTS.alertmanagerUrl})

Recurring or planned windows go in the config (maintenance:), where they
compile to Alertmanager time intervals.`;

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  endpoint: { type: 'string', short: 'e' },
  for: { type: 'string' },
  reason: { type: 'string' },
  author: { type: 'string' },
  alertmanager: { type: 'string' },
  id: { type: 'string' },
} as const;

function alertmanagerUrl(value: string | undefined): string {
  const url = value ?? MAINTENANCE_DEFAULTS.alertmanagerUrl;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return url;
  } catch { /* below */ }
  throw new UsageError(`Invalid --alertmanager "${url}". Must be an http:// or https:// URL.`);
}

function author(value: string | undefined): string {
  if (value) return value;
  try {
    return userInfo().username || 'hookwatch';
  } catch {
    return 'hookwatch';
  }
}

export const maintenance: Command = {
  async run(argv) {
    const [action, ...rest] = argv;
    if (action === '--help' || action === '-h') {
      console.log(HELP);
      return 0;
    }
    if (action === undefined) throw new UsageError('an action is required: start or end (see hookwatch maintenance --help)');
    if (action !== 'start' && action !== 'end') throw new UsageError(`unknown action "${action}" (start or end)`);
    const opts = parse(rest, OPTIONS, HELP);
    if (!opts) return 0;
    const base = alertmanagerUrl(opts.alertmanager);
    const endpointOf = () => {
      const config = configFrom(opts.config);
      const names = config.endpoints.map((e) => e.name);
      if (!opts.endpoint) throw new UsageError(`--endpoint NAME is required (one of ${names.join(', ')})`);
      if (!names.includes(opts.endpoint)) throw new UsageError(`Invalid --endpoint "${opts.endpoint}". Must be one of ${names.join(', ')}.`);
      return opts.endpoint;
    };
    try {
      if (action === 'start') {
        if (opts.id) throw new UsageError('--id is for "maintenance end"');
        const endpoint = endpointOf();
        if (!opts.for) throw new UsageError('--for DURATION is required (30m, 2h, 1h30m)');
        const d = parseDuration(opts.for);
        if (!d || d.seconds <= 0) throw new UsageError(`Invalid --for "${opts.for}". Must be a duration like 30m, 2h or 1h30m.`);
        const s = await createSilence(base, { endpoint, seconds: d.seconds, author: author(opts.author), reason: opts.reason ?? 'maintenance' });
        console.error(`hookwatch maintenance: endpoint="${endpoint}" silenced until ${s.endsAt}`);
        console.log(s.id);
        return 0;
      }
      for (const f of ['for', 'reason', 'author'] as const) if (opts[f] !== undefined) throw new UsageError(`--${f} is for "maintenance start"`);
      if ((opts.id === undefined) === (opts.endpoint === undefined)) throw new UsageError('one of --endpoint NAME or --id ID is required');
      if (opts.id !== undefined) {
        await expireSilence(base, opts.id);
        console.log(opts.id);
        return 0;
      }
      const endpoint = endpointOf();
      const silences = await endpointSilences(base, endpoint);
      if (silences.length === 0) {
        console.error(`hookwatch maintenance: no active silence for endpoint="${endpoint}" at ${base}`);
        return 1;
      }
      for (const s of silences) {
        await expireSilence(base, s.id);
        console.log(s.id);
      }
      return 0;
    } catch (err) {
      if (!(err instanceof AlertmanagerError)) throw err;
      console.error(`hookwatch maintenance: ${err.message}`);
      return 1;
    }
  },
};
