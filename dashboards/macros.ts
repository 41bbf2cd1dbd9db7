/**
 * Grafana macros and template variables are not PromQL: `rate(x[$__rate_interval])`
 * does not parse. These substitutions turn a panel query into plain PromQL so
 * it can be parsed offline and run against a real Prometheus.
 */

/** Durations the macros stand for; `$__rate_interval` is 4 × the 15 s scrape interval. */
export const MACRO_DURATIONS = {
  $__rate_interval: '1m',
  $__interval: '15s',
  $__range: '1h',
} as const;

/** What a template variable becomes: it is always used as a regex (`=~`), and "All" is `.*`. */
export const VARIABLE_PLACEHOLDER = '.*';

const MACRO = /\$__(rate_interval|interval_ms|interval|range_s|range_ms|range)\b/g;
const SECONDS: Record<string, string> = { range_s: '3600', range_ms: '3600000', interval_ms: '15000' };
/** `$var`, `${var}` and `${var:format}`, but not `$__macros` (handled first) nor `$1`. */
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Replaces `$__rate_interval`, `$__interval` and `$__range` (and their `_s`/`_ms`
 * forms) with durations, and `$var`/`${var}` with a regex-safe placeholder.
 */
export function substituteGrafanaMacros(expr: string): string {
  return expr
    .replace(MACRO, (_, name: string) => SECONDS[name] ?? MACRO_DURATIONS[`$__${name}` as keyof typeof MACRO_DURATIONS])
    .replace(VARIABLE, () => VARIABLE_PLACEHOLDER);
}

/** Names of the template variables an expression uses (macros excluded). */
export function variablesIn(expr: string): string[] {
  const names = new Set<string>();
  for (const m of expr.replace(MACRO, '').matchAll(VARIABLE)) names.add((m[1] ?? m[2])!);
  return [...names];
}
