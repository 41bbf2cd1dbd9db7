/**
 * Config errors: one line each, naming the file, line:column, field path,
 * the value received and the rule, e.g.
 * `hookwatch.yaml:12:7 endpoints[1].signing.scheme: got "sha1", expected one of standard-webhooks, …`.
 */
import { maskUrls } from './redact.js';

export interface ConfigIssue {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Field path as written in YAML: `endpoints[1].signing.scheme`. */
  readonly path: string;
  /** The value received, already rendered (and redacted when secret). */
  readonly got?: string;
  readonly expected: string;
  /** The problem stated as is (`unknown key (did you mean url?)`), printed instead of got/expected. */
  readonly problem?: string;
}

export function formatIssue(i: ConfigIssue): string {
  const where = i.line !== undefined ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file;
  const field = i.path ? ` ${i.path}:` : '';
  if (i.problem !== undefined) return `${where}${field} ${i.problem}`;
  const got = i.got !== undefined ? ` got ${i.got},` : '';
  return `${where}${field}${got} expected ${i.expected}`;
}

/** Thrown by the loader with every problem found, never just the first. */
export class ConfigError extends Error {
  readonly code = 'HOOKWATCH_CONFIG_INVALID';
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

/** `['endpoints', 1, 'signing']` → `endpoints[1].signing`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number' || (typeof p === 'string' && /^\d+$/.test(p))) out += `[${String(p)}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/** Key names whose values are never printed. */
const SECRET_KEY = /secret|token|password|api_key|routing_key|api_url$|credentials/i;

export function isSecretPath(path: readonly PropertyKey[]): boolean {
  return path.some((p) => typeof p === 'string' && SECRET_KEY.test(p) && !/_files?$/.test(p));
}

/** Renders a received value for a message: short, JSON-ish, redacted when secret, URLs masked. */
export function renderValue(value: unknown, secret: boolean): string {
  if (value === undefined) return 'nothing';
  if (secret) return '<redacted>';
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  s = maskUrls(s);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
