import { readFileSync } from 'node:fs';
import { maskUrls } from '../../config/index.js';
import { parseDuration } from '../../config/duration.js';
import { checkLimits, DEFAULT_CONCURRENCY, LoadtestLimitError, MAX_CONCURRENCY, MAX_RATE, runLoadtest, type LoadtestSummary } from '../../traffic/index.js';
import { configFrom, numberOption, parse, UsageError } from '../args.js';
import { ms, table } from '../format.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch loadtest --config FILE --endpoint NAME --rate R --duration D
                         [--concurrency N] [--allow-remote] [--json]

Sends signed synthetic events to one configured endpoint at R per second
(at most ${MAX_RATE}) for D (like 30s or 2m, at most 10m), on an open loop:
sends go out at their planned times however slow the responses are, with
at most N in flight (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY}); a send due while
all N are busy is counted as dropped. Progress goes to stderr, the summary
(status codes, error kinds, latency percentiles, achieved rate) to stdout.

Only loopback endpoints (127.0.0.0/8, ::1, localhost) unless --allow-remote.
Exit 0 when the run happened (whatever the responses), 2 on usage errors.`;

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  endpoint: { type: 'string', short: 'e' },
  rate: { type: 'string', short: 'r' },
  duration: { type: 'string', short: 'd' },
  concurrency: { type: 'string' },
  'allow-remote': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export const loadtest: Command = {
  async run(argv) {
    const opts = parse(argv, OPTIONS, HELP);
    if (!opts) return 0;
    if (opts.rate === undefined) throw new UsageError(`--rate R is required (events per second, at most ${MAX_RATE})`);
    const rate = numberOption('rate', opts.rate);
    if (opts.duration === undefined) throw new UsageError('--duration D is required (like 30s or 2m, at most 10m)');
    const duration = parseDuration(opts.duration);
    if (!duration || duration.seconds <= 0) throw new UsageError(`Invalid --duration "${opts.duration}". Must be a duration like 30s or 2m, at most 10m.`);
    const concurrency = numberOption('concurrency', opts.concurrency, DEFAULT_CONCURRENCY);
    const config = configFrom(opts.config);
    const names = config.endpoints.map((e) => e.name);
    if (!opts.endpoint) throw new UsageError(`--endpoint NAME is required (one of ${names.join(', ')})`);
    const endpoint = config.endpoints.find((e) => e.name === opts.endpoint);
    if (!endpoint) throw new UsageError(`Invalid --endpoint "${opts.endpoint}". Must be one of ${names.join(', ')}.`);
    const plan = { ratePerSecond: rate, durationSeconds: duration.seconds, concurrency, url: endpoint.url, allowRemote: opts['allow-remote'] ?? false };
    try {
      checkLimits(plan);
    } catch (err) {
      if (err instanceof LoadtestLimitError) throw new UsageError(err.message);
      throw err;
    }

    console.error(`loadtest: ${rate}/s to ${endpoint.name} (${maskUrls(endpoint.url)}) for ${duration.text}, concurrency ${concurrency}; Ctrl-C stops early`);
    // Ctrl-C ends the sending and still prints the summary of what was sent;
    // a second Ctrl-C falls back to the default and kills the process.
    const stop = new AbortController();
    const onSigint = (): void => stop.abort();
    process.once('SIGINT', onSigint);
    try {
      const summary = await runLoadtest({
        endpoint,
        ratePerSecond: rate,
        durationSeconds: duration.seconds,
        concurrency,
        allowRemote: plan.allowRemote,
        userAgent: `hookwatch-loadtest/${VERSION}`,
        ...(endpoint.tls.caFile ? { ca: readFileSync(endpoint.tls.caFile, 'utf8') } : {}),
        progress: process.stderr,
        signal: stop.signal,
      });
      console.log(opts.json ? JSON.stringify(summary, null, 2) : render(summary));
      return 0;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};

/** The summary as one metric/value table. */
export function render(s: LoadtestSummary): string {
  const rows: string[][] = [
    ['endpoint', s.endpoint, s.url],
    ['planned', String(s.planned), `${s.ratePerSecond}/s for ${s.durationSeconds}s`],
    ['sent', String(s.sent), s.aborted ? 'stopped early' : ''],
    ['dropped', String(s.dropped), s.dropped > 0 ? `all ${s.concurrency} slots busy` : ''],
    ...Object.entries(s.statusCodes).map(([code, n]) => [`status ${code}`, String(n), '']),
    ...Object.entries(s.errors).map(([kind, n]) => [`error ${kind}`, String(n), s.errorDetails[kind] ?? '']),
    ...(['p50', 'p95', 'p99', 'max'] as const).map((p) => [`latency ${p}`, ms(s.latencySeconds?.[p]), p === 'p50' ? `${s.latencySeconds?.count ?? 0} responses` : '']),
    ['achieved rate', `${s.achievedRatePerSecond.toFixed(1)}/s`, `target ${s.ratePerSecond}/s`],
    ['elapsed', `${s.elapsedSeconds.toFixed(2)}s`, 'until the last response'],
  ];
  return table(['metric', 'value', 'note'], rows);
}
