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
