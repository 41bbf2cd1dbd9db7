/**
 * `${env:NAME}` interpolation over the parsed YAML, before validation.
 * Records the paths it filled so their values are never printed.
 */
export interface Interpolation {
  readonly value: unknown;
  readonly missing: { path: (string | number)[]; name: string }[];
  readonly filled: Set<string>;
}

const REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function interpolateEnv(data: unknown, env: Readonly<Record<string, string | undefined>>): Interpolation {
  const missing: Interpolation['missing'] = [];
  const filled = new Set<string>();
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('${env:')) return v;
      filled.add(path.join('\u0000'));
      return v.replace(REF, (_, name: string) => {
        const got = env[name];
        if (got === undefined) {
          missing.push({ path, name });
          return '';
        }
        return got;
      });
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    }
    return v;
  };
  return { value: walk(data, []), missing, filled };
}

/**
 * The value at `path` as written in the file, when an `${env:…}` reference
 * sits at or below it (else undefined): what an error shows instead of the
 * expanded value, so no secret from the environment is ever printed.
 */
export function asWritten(raw: unknown, path: readonly (string | number)[], filled: ReadonlySet<string>): { value: unknown } | undefined {
  const key = path.join('\u0000');
  const under = [...filled].some((f) => path.length === 0 || f === key || f.startsWith(`${key}\u0000`));
  if (!under) return undefined;
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return { value: v };
}
