import { inspect } from 'node:util';

const MASK = '<secret>';

/**
 * A secret value. It prints as `<secret>` in logs, JSON and errors; only
 * `reveal()` gives the value, so a leak takes a deliberate call.
 */
export class Secret {
  readonly #value: string;
  /** Where the value came from, safe to print (`env:NAME`, `file:/path`, `inline`). */
  readonly origin: string;

  constructor(value: string, origin: string) {
    this.#value = value;
    this.origin = origin;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [inspect.custom](): string {
    return `Secret(${this.origin})`;
  }
}

/** Secrets shorter than this are not masked (they would match ordinary text). */
const MIN_SECRET = 4;

/** Masks every occurrence of the given secrets in a text. */
export function maskSecrets(text: string, secrets: readonly Secret[]): string {
  return secretMask(secrets)(text);
}

/**
 * A mask for a fixed set of secrets, prepared once: each secret is indexed
 * by its first characters, so masking a text costs about its length,
 * whatever the number of secrets (a fleet's config has one or more per
 * endpoint, and the status page masks every reason it shows). Every
 * character inside an occurrence of any secret is masked; overlapping
 * occurrences become one `<secret>`, so no part of either shows.
 */
export function secretMask(secrets: readonly Secret[]): (text: string) => string {
  const byPrefix = new Map<string, string[]>();
  for (const v of new Set(secrets.map((s) => s.reveal()))) {
    if (v.length < MIN_SECRET) continue;
    const prefix = v.slice(0, MIN_SECRET);
    const list = byPrefix.get(prefix);
    if (list) list.push(v);
    else byPrefix.set(prefix, [v]);
  }
  // Longest first: the first that matches at a place covers the most.
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  return (text) => {
    if (!byPrefix.size || text.length < MIN_SECRET) return text;
    let out = '';
    let copied = 0;
    let start = -1;
    let end = -1;
    for (let i = 0; i + MIN_SECRET <= text.length; i++) {
      const candidates = byPrefix.get(text.slice(i, i + MIN_SECRET));
      const match = candidates?.find((v) => text.startsWith(v, i));
      if (!match) continue;
      if (i < end) {
        end = Math.max(end, i + match.length);
        continue;
      }
      if (start >= 0) {
        out += text.slice(copied, start) + MASK;
        copied = end;
      }
      start = i;
      end = i + match.length;
    }
    if (start < 0) return text;
    return out + text.slice(copied, start) + MASK + text.slice(end);
  };
}
