/**
 * Offline PromQL checks for dashboard queries, at Prometheus 2.42:
 * lezer-promql 0.42 for syntax (error nodes) and the codemirror-promql 0.42
 * Parser for types and arity. Test-only: both packages are dev dependencies.
 */
import { createRequire } from 'node:module';
import { BUILTIN_SERIES } from '../../../catalog/promql.js';
import { metricByName } from '../../../catalog/index.js';

// codemirror-promql 0.42 has no exports map and extensionless ESM imports, so
// load its CJS build, and @codemirror/state from CJS too: one instance of the
// state package, or the language facet is not recognised.
const require = createRequire(import.meta.url);
// lezer-promql's exports map has no "types" condition, so NodeNext finds no types for an import.
const { parser } = require('@prometheus-io/lezer-promql') as { parser: import('@lezer/lr').LRParser };
const { EditorState } = require('@codemirror/state') as typeof import('@codemirror/state');
const { promQLLanguage, LanguageType } = require('@prometheus-io/codemirror-promql/dist/cjs/promql.js') as {
  promQLLanguage: (t: number) => import('@codemirror/language').LRLanguage;
  LanguageType: { PromQL: number };
};
const { Parser } = require('@prometheus-io/codemirror-promql/dist/cjs/parser/parser.js') as {
  Parser: new (state: unknown) => { analyze(): void; getDiagnostics(): { from: number; to: number; message: string }[] };
};

/** Syntax errors (lezer error nodes) as `from-to: text` strings. */
export function syntaxErrors(expr: string): string[] {
  const errors: string[] = [];
  if (expr.trim() === '') return ['empty expression'];
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.type.isError) errors.push(`${n.from}-${n.to}: syntax error near "${expr.slice(Math.max(0, n.from - 10), n.to + 10)}"`);
    },
  });
  return errors;
}

const { syntaxTree } = require('@codemirror/language') as typeof import('@codemirror/language');

/**
 * Type and arity diagnostics from the codemirror-promql linter's parser.
 * CodeMirror parses a new state within a time budget (about 20 ms); on a busy
 * machine a long expression can come back half-parsed and produce bogus
 * diagnostics, so only a tree that spans the whole expression is analysed.
 */
export function typeErrors(expr: string): string[] {
  for (let attempt = 0; attempt < 50; attempt++) {
    const state = EditorState.create({ doc: expr, extensions: [promQLLanguage(LanguageType.PromQL)] });
    if (syntaxTree(state).length < expr.length) continue;
    const p = new Parser(state);
    p.analyze();
    return p.getDiagnostics().map((d) => `${d.from}-${d.to}: ${d.message}`);
  }
  throw new Error(`could not parse within CodeMirror's budget: ${expr}`);
}

/** Every metric name a query selects (identifiers of vector selectors). */
export function selectedMetricNames(expr: string): string[] {
  const names = new Set<string>();
  parser.parse(expr).iterate({
    enter: (n) => {
      if (n.name === 'Identifier' && n.node.parent?.name === 'VectorSelector') names.add(expr.slice(n.from, n.to));
    },
  });
  return [...names];
}

/** Names a query selects that are neither catalog metrics nor Prometheus' own series. */
export function unknownMetricNames(expr: string): string[] {
  return selectedMetricNames(expr).filter((n) => !metricByName(n) && !(BUILTIN_SERIES as readonly string[]).includes(n));
}
