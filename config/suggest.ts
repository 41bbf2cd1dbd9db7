/**
 * "Did you mean" for mistyped names: the nearest known name within two edits
 * (Damerau–Levenshtein, optimal string alignment: an insertion, a deletion, a
 * substitution or a swap of neighbours each count one), and the collector
 * that learns, while zod parses, which keys each strict object knows.
 */
import type { z } from 'zod';

const MAX_EDITS = 2;

/** Edit distance between two strings (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known name nearest to `word` (at most two edits, closer than the word is long), or undefined. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = MAX_EDITS + 1;
  for (const k of known) {
    const distance = editDistance(word.toLowerCase(), k.toLowerCase());
    if (distance < bestDistance && distance < Math.max(word.length, 2)) [best, bestDistance] = [k, distance];
  }
  return best;
}

/** `unknown key (did you mean health_url?)`, or the keys allowed there when none is close. */
export function unknownKeyProblem(key: string, known: readonly string[]): string {
  const near = suggest(key, known);
  if (near) return `unknown key (did you mean ${near}?)`;
  return known.length ? `unknown key (expected one of ${known.join(', ')})` : 'unknown key';
}

/**
 * Pass `error` to `safeParse`: for each unknown-keys issue it records the
 * keys of the object that raised it, by the issue's path (it leaves every
 * message as it is). `knownAt` reads them back.
 */
export function knownKeysCollector(): { error: (iss: z.core.$ZodRawIssue) => undefined; knownAt(path: readonly PropertyKey[]): readonly string[] } {
  const byPath = new Map<string, readonly string[]>();
  const key = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
  return {
    error(iss) {
      if (iss.code !== 'unrecognized_keys') return undefined;
      const shape = (iss.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      if (shape) byPath.set(key(iss.path ?? []), Object.keys(shape));
      return undefined;
    },
    knownAt: (path) => byPath.get(key(path)) ?? [],
  };
}
