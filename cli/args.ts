import { existsSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config/index.js';

/** Bad command-line usage: printed as one line, exit code 2. */
export class UsageError extends Error {
  readonly code = 'HOOKWATCH_USAGE';
  override readonly name = 'UsageError';
}

/** A flag as node:util declares it, plus `requires`: another flag it only works with (`--json` needs `--once`). */
export type Options = Record<string, NonNullable<ParseArgsConfig['options']>[string] & { readonly requires?: string }>;

/** The config `--config` falls back to when the file exists in the current folder. */
export const DEFAULT_CONFIG = 'hookwatch.yaml';

/**
 * Parses argv strictly; unknown flags, and a flag without the one it
 * requires, are a UsageError. An omitted --config is ./hookwatch.yaml when
 * that file exists.
 */
export function parse<O extends Options>(argv: readonly string[], options: O, help: string) {
  let values: Record<string, unknown>;
  try {
    const declared = Object.fromEntries(Object.entries(options).map(([name, { requires: _, ...o }]) => [name, o]));
    values = parseArgs({ args: [...argv], options: { ...declared, help: { type: 'boolean', short: 'h' } }, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (values.help) {
    console.log(help);
    return null;
  }
  for (const [name, o] of Object.entries(options)) {
    if (o.requires && values[name] !== undefined && values[o.requires] === undefined) throw new UsageError(`--${name} requires --${o.requires}`);
  }
  if ('config' in options && values.config === undefined && existsSync(DEFAULT_CONFIG)) values.config = DEFAULT_CONFIG;
  return values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K] extends { readonly multiple: true } ? string[] : string };
}

/** Loads the config named by --config (required unless ./hookwatch.yaml exists). */
export function configFrom(path: string | undefined): Config {
  if (!path) throw new UsageError(`--config FILE is required (there is no ./${DEFAULT_CONFIG})`);
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
