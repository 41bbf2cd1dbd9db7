/** `--log.level` and `--log.format`, as the Prometheus tools spell them, for every daemon command. */
import { createLogger, FORMATS, LEVELS, type Format, type Level, type Logger } from '../daemon/index.js';
import { UsageError } from './args.js';

export const LOG_FLAGS = {
  'log.level': { type: 'string' },
  'log.format': { type: 'string' },
} as const;

export const LOG_HELP = `  --log.level LEVEL    ${LEVELS.join(', ')} (default info)
  --log.format FORMAT  ${FORMATS.join(' or ')} (default logfmt), one line a record on stderr`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`Invalid --${flag} "${value}". Must be one of ${allowed.join(', ')}.`);
}

/** The logger the flags ask for; bind `component` with `.with({ component })`. */
export function loggerFrom(opts: { 'log.level'?: string | undefined; 'log.format'?: string | undefined }): Logger {
  const level = oneOf<Level>('log.level', opts['log.level'], LEVELS);
  const format = oneOf<Format>('log.format', opts['log.format'], FORMATS);
  return createLogger({ ...(level ? { level } : {}), ...(format ? { format } : {}) });
}
