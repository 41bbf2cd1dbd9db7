import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';

/** Bad command-line usage: printed as one line, exit code 2. */
export class UsageError extends Error {
  readonly code = 'HOOKWATCH_USAGE';
  override readonly name = 'UsageError';
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses argv strictly; unknown flags are a UsageError. */
export function parse<O extends Options>(argv: readonly string[], options: O, help: string) {
  try {
    const out = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true });
    if ((out.values as Record<string, unknown>).help) {
      console.log(help);
      return null;
    }
    return out.values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** Loads the config named by --config (required). */
export function configFrom(path: string | undefined): Config {
  if (!path) throw new UsageError('--config FILE is required');
  return loadConfig(path, { env: process.env });
}

/** Positive number option, with a clear message. */
export function numberOption(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`Invalid --${name} "${value}". Must be a positive number.`);
  return n;
}
