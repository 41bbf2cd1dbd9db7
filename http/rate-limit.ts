/**
 * Rate-limit headers: `RateLimit-*` (IETF draft), `X-RateLimit-*` (GitHub,
 * Twitter style, reset often an epoch) and `Retry-After` (seconds or date).
 */
export interface RateLimit {
  readonly limit?: number;
  readonly remaining?: number;
  /** Seconds until the window resets. */
  readonly resetSeconds?: number;
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v.split(/[,;]/)[0]!.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** `nowSeconds` converts epoch resets and HTTP dates into seconds from now. */
export function parseRateLimit(headers: Readonly<Record<string, string>>, nowSeconds: number): RateLimit | undefined {
  const structured = parseStructured(headers['ratelimit']);
  const limit = num(headers['ratelimit-limit']) ?? num(headers['x-ratelimit-limit']) ?? structured.limit;
  const remaining = num(headers['ratelimit-remaining']) ?? num(headers['x-ratelimit-remaining']) ?? structured.remaining;
  let reset = num(headers['ratelimit-reset']) ?? structured.reset ?? num(headers['x-ratelimit-reset']);
  // Values past 10^9 are epoch seconds (X-RateLimit-Reset on GitHub).
  if (reset !== undefined && reset > 1e9) reset = Math.max(0, reset - nowSeconds);
  if (reset === undefined && headers['retry-after'] !== undefined) reset = parseRetryAfter(headers['retry-after'], nowSeconds);
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  return {
    ...(limit !== undefined ? { limit } : {}),
    ...(remaining !== undefined ? { remaining } : {}),
    ...(reset !== undefined ? { resetSeconds: reset } : {}),
  };
}

export function parseRetryAfter(value: string, nowSeconds: number): number | undefined {
  const n = Number(value.trim());
  if (Number.isFinite(n) && n >= 0) return n;
  const t = Date.parse(value);
  return Number.isFinite(t) ? Math.max(0, t / 1000 - nowSeconds) : undefined;
}

/** `RateLimit: limit=100, remaining=50, reset=30` and the newer `r=50;t=30` form. */
function parseStructured(v: string | undefined): { limit?: number; remaining?: number; reset?: number } {
  if (!v) return {};
  const out: { limit?: number; remaining?: number; reset?: number } = {};
  for (const part of v.split(/[,;]/)) {
    const [k, val] = part.split('=').map((s) => s.trim().toLowerCase());
    const n = num(val);
    if (n === undefined) continue;
    if (k === 'limit' || k === 'q') out.limit = n;
    else if (k === 'remaining' || k === 'r') out.remaining = n;
    else if (k === 'reset' || k === 't') out.reset = n;
  }
  return out;
}
