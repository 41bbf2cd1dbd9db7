/**
 * The Go template functions the rule annotations use, re-implemented so a
 * test can state the expected value as a number (promtool compares the
 * rendered annotations byte for byte).
 */

/** Go's `%.4g`. */
export function g4(v: number): string {
  if (v === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(4)))));
  if (exp < -4 || exp >= 4) {
    const [m, e] = v.toExponential(3).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const n = Number(e);
    return `${mant}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  const s = v.toPrecision(4);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

const BIG = ['k', 'M', 'G', 'T', 'P', 'E', 'Z', 'Y'];
const SMALL = ['m', 'u', 'n', 'p', 'f', 'a', 'z', 'y'];

export function humanize(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return g4(v);
  let prefix = '';
  if (Math.abs(v) >= 1) {
    for (const p of BIG) { if (Math.abs(v) < 1000) break; prefix = p; v /= 1000; }
  } else {
    for (const p of SMALL) { if (Math.abs(v) >= 1) break; prefix = p; v *= 1000; }
  }
  return `${g4(v)}${prefix}`;
}

export function humanize1024(v: number): string {
  if (Math.abs(v) <= 1 || !Number.isFinite(v)) return g4(v);
  let prefix = '';
  for (const p of ['ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'Zi', 'Yi']) { if (Math.abs(v) < 1024) break; prefix = p; v /= 1024; }
  return `${g4(v)}${prefix}`;
}

export const humanizePercentage = (v: number): string => `${g4(v * 100)}%`;

export function humanizeDuration(v: number): string {
  const sign = v < 0 ? '-' : '';
  v = Math.abs(v);
  if (v >= 1) {
    const total = Math.floor(v);
    const days = Math.floor(total / 86400), hours = Math.floor(total / 3600) % 24, minutes = Math.floor(total / 60) % 60, seconds = total % 60;
    if (days) return `${sign}${days}d ${hours}h ${minutes}m ${seconds}s`;
    if (hours) return `${sign}${hours}h ${minutes}m ${seconds}s`;
    if (minutes) return `${sign}${minutes}m ${seconds}s`;
    return `${sign}${g4(v)}s`;
  }
  let prefix = '';
  for (const p of SMALL) { if (v === 0 || v >= 1) break; prefix = p; v *= 1000; }
  return `${sign}${g4(v)}${prefix}s`;
}

const FUNCS: Record<string, (v: number) => string> = { humanize, humanize1024, humanizePercentage, humanizeDuration };

/** Renders the subset of Go templates our annotations use: `$labels.x`, `$value` and the humanize pipes. */
export function renderAnnotation(text: string, labels: Record<string, string>, value: number): string {
  return text.replace(/\{\{ (\$labels\.(\w+)|\$value(?: \| (\w+))?) \}\}/g, (_m, _all: string, label?: string, fn?: string) => {
    if (label) return labels[label] ?? '';
    if (fn) {
      const f = FUNCS[fn];
      if (!f) throw new Error(`unsupported template function ${fn}`);
      return f(value);
    }
    return String(value);
  });
}
