/**
 * Building blocks shared by the config sections: durations, listen
 * addresses, secrets, and the context the loader hands to the schema.
 */
import { z } from 'zod';
import { parseDuration, type Duration } from '../duration.js';
import { Secret } from '../secret.js';

/** What the schema needs from the outside world; the loader provides it. */
export interface SchemaContext {
  /** Reads a secret file (path resolved against the config file's folder). */
  readSecretFile(path: string): string;
  /** Resolves a path relative to the config file's folder. */
  resolvePath(path: string): string;
}

export const durationSchema = z
  .string({ error: 'a duration like 30s, 5m or 1h' })
  .refine((s) => parseDuration(s) !== null, { message: 'a duration like 30s, 5m or 1h' })
  .transform((s) => parseDuration(s) as Duration)
  .meta({ docType: 'duration (`30s`, `5m`, `1h`)' });

export const positiveSeconds = z.number({ error: 'a number of seconds' }).positive({ error: 'a number of seconds > 0' });

export const ratioSchema = z
  .number({ error: 'a ratio between 0 and 1' })
  .gt(0, { error: 'a ratio between 0 and 1 (exclusive)' })
  .lt(1, { error: 'a ratio between 0 and 1 (exclusive)' });

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
  readonly text: string;
}

/** `host:port`, `:port` or `[::1]:port`; port 0 picks a free port. */
export const listenSchema = z
  .string({ error: 'an address like 127.0.0.1:9468' })
  .transform((s, ctx): ListenAddress => {
    const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(s);
    const port = m ? Number(m[3]) : NaN;
    if (!m || port > 65535) {
      ctx.addIssue({ code: 'custom', message: 'an address like 127.0.0.1:9468 (host:port)', input: s });
      return z.NEVER;
    }
    return { host: m[1] ?? (m[2] || '0.0.0.0'), port, text: s };
  })
  .meta({ docType: 'address (`host:port`; port 0 picks a free one)' });

export const httpUrlSchema = z
  .string({ error: 'an http:// or https:// URL' })
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, { message: 'an http:// or https:// URL' })
  .meta({ docType: 'http(s) URL' });

/** A secret given inline (usually `${env:NAME}`). */
export function secretValue(origin: string) {
  return z.string({ error: 'a secret string' }).min(1, { error: 'a non-empty secret' }).transform((s) => new Secret(s, origin))
    .meta({ docType: 'secret (usually `${env:NAME}`)' });
}

/** A secret read from a file, trailing newline trimmed. */
export function secretFile(ctx: SchemaContext) {
  return z.string({ error: 'a file path' }).transform((p, zctx) => {
    try {
      const v = ctx.readSecretFile(p).replace(/\r?\n$/, '');
      if (v === '') {
        zctx.addIssue({ code: 'custom', message: 'a file holding a non-empty secret', input: p });
        return z.NEVER;
      }
      return new Secret(v, `file:${p}`);
    } catch (err) {
      zctx.addIssue({ code: 'custom', message: `a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`, input: p });
      return z.NEVER;
    }
  }).meta({ docType: 'secret file path' });
}

/** A file path that must exist when used; kept as a path (for generated configs). */
export const filePathSchema = z.string({ error: 'a file path' }).min(1, { error: 'a non-empty file path' }).meta({ docType: 'file path' });

/** Names used as label values and in file names. */
export const nameSchema = z
  .string({ error: 'a name' })
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, { error: 'a name of letters, digits, ".", "_" or "-" (max 63)' })
  .meta({ docType: 'name (letters, digits, `.`, `_`, `-`; max 63)' });
