/** Scrapes a /metrics endpoint and reads samples out of the text format. */
export async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`scrape ${url}: ${res.status}`);
  return res.text();
}

/** Value of the first sample matching a metric name and labels (subset match). */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...(m[3] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => got[k] === v)) return Number(m[4]);
  }
  return undefined;
}

/** Family names announced by `# TYPE` lines. */
export function families(text: string): string[] {
  return [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!);
}

/** Polls until `fn` returns a value that is not undefined/false. */
export async function eventually<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Samples per endpoint and check in an exposition text: every sample line
 * that carries both labels, keyed `endpoint check`.
 */
export function seriesPerTarget(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.includes('{')) continue;
    const endpoint = /[{,]endpoint="((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
    const check = /[{,]check="((?:[^"\\]|\\.)*)"/.exec(line)?.[1];
    if (endpoint === undefined || check === undefined) continue;
    const key = `${endpoint} ${check}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
