/**
 * Turns what a record says about its target (an `endpoint` field, a URL)
 * into the `endpoint` label: a configured name when one matches, otherwise
 * a normalised `host/path` without query or credentials. URLs are never
 * label values as written.
 */

/** `https://user:pw@Host:8443/a/b/?q=1` → `host:8443/a/b`; undefined when not a URL. */
export function normalizeUrl(text: string): string | undefined {
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text)) return undefined;
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return undefined;
  }
  if (!u.host) return undefined;
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.host.toLowerCase()}${path}`;
}

/** Configured endpoints as the resolver needs them. */
export interface EndpointRef {
  readonly name: string;
  readonly url: string;
}

// A busy log has few distinct targets; caching the resolution keeps URL
// parsing off the per-line path. Cleared when it grows, to bound memory.
const CACHE_MAX = 10_000;

/** Resolves records to endpoint label values (before the per-label cap). */
export class EndpointResolver {
  private readonly names: Set<string>;
  private readonly byUrl = new Map<string, string>();
  private readonly cache = new Map<string, string>();

  constructor(endpoints: readonly EndpointRef[]) {
    this.names = new Set(endpoints.map((e) => e.name));
    for (const e of endpoints) {
      const n = normalizeUrl(e.url);
      if (n !== undefined && !this.byUrl.has(n)) this.byUrl.set(n, e.name);
    }
  }

  /** True for configured endpoint names (they are exempt from the label cap). */
  isConfigured(name: string): boolean {
    return this.names.has(name);
  }

  /** Known name > known URL > normalised URL > the endpoint text itself. */
  resolve(endpoint: string | undefined, url: string | undefined): string {
    if (endpoint !== undefined && this.names.has(endpoint)) return endpoint;
    const key = `${endpoint ?? ''}\u0000${url ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const out = this.compute(endpoint, url);
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, out);
    return out;
  }

  private compute(endpoint: string | undefined, url: string | undefined): string {
    for (const candidate of [url, endpoint]) {
      if (candidate === undefined) continue;
      const n = normalizeUrl(candidate);
      if (n !== undefined) return this.byUrl.get(n) ?? n;
    }
    // Not a URL: an endpoint id or name we do not know; used as is (capped later).
    return endpoint ?? url ?? '';
  }
}
