/**
 * Prometheus-style durations (`90s`, `5m`, `1h30m`, `250ms`). The original
 * text is kept so generated rules say what the user wrote.
 */
export interface Duration {
  readonly text: string;
  readonly seconds: number;
}

const UNITS: readonly [string, number][] = [
  ['y', 365 * 86400], ['w', 7 * 86400], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1], ['ms', 0.001],
];
const PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Parses a duration; returns null when the text is not one. */
export function parseDuration(text: string): Duration | null {
  const m = PATTERN.exec(text);
  if (!m || text === '') return null;
  let seconds = 0;
  UNITS.forEach(([, factor], i) => {
    const part = m[i + 1];
    if (part !== undefined) seconds += Number(part) * factor;
  });
  return { text, seconds };
}

/** Renders seconds as the shortest Prometheus duration (`120` → `2m`). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  let ms = Math.round(seconds * 1000);
  let out = '';
  for (const [unit, factor] of UNITS) {
    const f = Math.round(factor * 1000);
    const n = Math.floor(ms / f);
    if (n > 0) { out += `${n}${unit}`; ms -= n * f; }
  }
  return out;
}

export function duration(seconds: number): Duration {
  return { text: formatDuration(seconds), seconds };
}
