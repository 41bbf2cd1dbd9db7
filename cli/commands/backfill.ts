import { writeFile } from 'node:fs/promises';
import { parseDuration } from '../../config/index.js';
import { backfill, settingsFrom } from '../../exporter/index.js';
import { configFrom, numberOption, parse, UsageError } from '../args.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch backfill --config FILE --from LOG --out FILE [--step 1m] [--format FORMAT] [--threads N]

Counts a historical delivery log exactly as "hookwatch export" would and writes
OpenMetrics with event-time timestamps (one sample per changed series every
--step of event time, default 1m), grouped by family and ending in "# EOF":

  promtool tsdb create-blocks-from openmetrics FILE ./data

--format is hookwatch, svix or convoy (default: the first exporter source's
format and map). --threads is how many threads count (default: every core
for a log of 32 MiB or more, else 1); the output is the same either way.
Svix and Convoy logs, which number attempts in log order, count on one
thread. The progress bar goes to stderr.`;

const FORMATS = ['hookwatch', 'svix', 'convoy'] as const;

function bar(done: number, total: number, lines: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const width = 30;
  const full = Math.round(ratio * width);
  return `backfill [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${lines} lines`;
}

export const backfillCommand: Command = {
  async run(argv) {
    const opts = parse(argv, {
      config: { type: 'string', short: 'c' }, from: { type: 'string' }, out: { type: 'string' },
      step: { type: 'string' }, format: { type: 'string' }, threads: { type: 'string' },
    }, HELP);
    if (!opts) return 0;
    if (!opts.from) throw new UsageError('--from LOG is required');
    if (!opts.out) throw new UsageError('--out FILE is required');
    const step = parseDuration(opts.step ?? '1m');
    if (!step || step.seconds <= 0) throw new UsageError(`Invalid --step "${opts.step}". Must be a duration like 30s, 1m or 1h.`);
    if (opts.format !== undefined && !(FORMATS as readonly string[]).includes(opts.format)) {
      throw new UsageError(`Invalid --format "${opts.format}". Must be one of ${FORMATS.join(', ')}.`);
    }
    const threads = opts.threads === undefined ? undefined : numberOption('threads', opts.threads);
    if (threads !== undefined && !Number.isInteger(threads)) throw new UsageError(`Invalid --threads "${opts.threads}". Must be a whole number of threads, like 2.`);
    const settings = settingsFrom(configFrom(opts.config));
    const first = settings.sources[0];
    const format = opts.format ? { format: opts.format as (typeof FORMATS)[number] } : first ? { format: first.format, map: first.map } : { format: 'hookwatch' as const };
    const tty = process.stderr.isTTY;
    let lastShown = -1;
    const result = await backfill({
      from: opts.from, format, endpoints: settings.endpoints, labelLimit: settings.labelLimit,
      maxLineBytes: settings.maxLineBytes, stepSeconds: step.seconds, threads,
      progress: (done, total, lines) => {
        // A redrawn bar on a terminal; every 10% as its own line in a log.
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
        if (tty) process.stderr.write(`\r${bar(done, total, lines)}`);
        else if (tenth !== lastShown) { lastShown = tenth; process.stderr.write(`${bar(done, total, lines)}\n`); }
      },
    }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') throw new UsageError(`--from ${opts.from}: ${err.code}`);
      throw err;
    });
    if (tty) process.stderr.write('\n');
    await writeFile(opts.out, result.text);
    console.error(`backfill: ${result.lines} lines, ${result.records} records, ${result.errors} skipped, ${result.samples} samples, ${result.threads === 1 ? '1 thread' : `${result.threads} threads`} → ${opts.out}`);
    return 0;
  },
};
