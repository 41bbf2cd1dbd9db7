/**
 * The logger of every long-running part: levels, bound fields
 * (`component=prober`), one line per record on stderr in logfmt or JSON.
 *
 *   ts=2026-12-01T11:03:44.123Z level=info component=prober msg=listening url=http://127.0.0.1:9468
 */
import { json, logfmt, type Field } from './logfmt.js';

export const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type Level = (typeof LEVELS)[number];
export const FORMATS = ['logfmt', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Fields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger that adds `fields` to every line, before `msg`. */
  with(fields: Fields): Logger;
}

export interface LoggerOptions {
  /** Records below this level are dropped (default info). */
  readonly level?: Level;
  readonly format?: Format;
  /** Receives each line with its newline (default: stderr). */
  readonly write?: (line: string) => void;
  readonly now?: () => Date;
}

const RANK: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLogger(o: LoggerOptions = {}, bound: readonly Field[] = []): Logger {
  const min = RANK[o.level ?? 'info'];
  const encode = o.format === 'json' ? json : logfmt;
  const write = o.write ?? ((line: string) => void process.stderr.write(line));
  const now = o.now ?? (() => new Date());
  const at = (level: Level) => (msg: string, fields: Fields = {}) => {
    if (RANK[level] < min) return;
    write(`${encode([['ts', now()], ['level', level], ...bound, ['msg', msg], ...Object.entries(fields)])}\n`);
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    with: (fields) => createLogger(o, [...bound, ...Object.entries(fields)]),
  };
}

/** Drops every record: for library use and tests that do not read logs. */
export const silentLogger: Logger = createLogger({ write: () => undefined, level: 'error' });
