import { redactor } from '../../config/index.js';
import { Prober } from '../../prober/index.js';
import { PHASES } from '../../catalog/index.js';
import { configFrom, parse, UsageError } from '../args.js';
import { ms } from '../format.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch send --config FILE --endpoint NAME

Sends one signed test event to an endpoint and prints the status, the
phase timings and the headers sent (secrets, URL credentials and
query values masked). Exit 1 if it failed.`;

export const send: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, endpoint: { type: 'string', short: 'e' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const names = config.endpoints.map((e) => e.name);
    if (!opts.endpoint) throw new UsageError(`--endpoint NAME is required (one of ${names.join(', ')})`);
    const prober = new Prober(config, { version: VERSION });
    const target = prober.targets.find((t) => t.endpoint.name === opts.endpoint && t.check.kind === 'delivery')
      ?? (() => { throw new UsageError(`Invalid --endpoint "${opts.endpoint}". Must be one of ${names.join(', ')}.`); })();
    const o = await prober.probe(target);
    // URL credentials and query values, header values and signing secrets are masked.
    const mask = redactor(config);
    console.log(`POST ${mask(target.endpoint.url)}`);
    for (const [k, v] of Object.entries(o.requestHeaders ?? {})) console.log(`  ${k}: ${mask(v)}`);
    console.log(`result: ${o.result}   status: ${o.status || '-'}   total: ${ms(o.durationSeconds)}`);
    console.log(`phases: ${PHASES.map((p) => `${p}=${ms(o.phases[p])}`).join(' ')}`);
    if (o.rateLimit) console.log(`rate limit: ${JSON.stringify(o.rateLimit)}`);
    console.log(`detail: ${mask(o.detail)}`);
    return o.success ? 0 : 1;
  },
};
