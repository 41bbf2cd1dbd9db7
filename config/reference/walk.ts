/**
 * Walks the config schema (zod 4) into one row per key: its path, type,
 * default, whether it is required and its description. The rows are what
 * docs/configuration.md is rendered from, so the reference cannot drift
 * from what the loader accepts.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';

export interface KeyRow {
  /** `exporter.sources[].path`; a discriminated variant is named in `variant`. */
  readonly path: string;
  /** `type: file` for keys of one variant of a list of alternatives. */
  readonly variant?: string;
  readonly type: string;
  readonly required: boolean;
  /** The default as YAML text; undefined when there is none. */
  readonly default?: string;
  readonly description?: string;
}

/** What a schema can say about itself through `.meta()`. */
interface DocMeta {
  readonly description?: string;
  /** A default applied after parsing (config/normalize), as YAML text. */
  readonly default?: string;
  /** A type name for a shared building block (`duration`, `secret`). */
  readonly docType?: string;
}

type Schema = z.core.$ZodType;
type Def = z.core.$ZodTypeDef & Record<string, unknown>;

const defOf = (s: Schema): Def => s._zod.def as Def;
const metaOf = (s: Schema): DocMeta => (s as unknown as { meta(): DocMeta | undefined }).meta?.() ?? {};

/** Layers that wrap a key's schema without changing what it is. */
interface Unwrapped {
  readonly inner: Schema;
  readonly optional: boolean;
  readonly default?: unknown;
  readonly meta: DocMeta;
}

function unwrap(s: Schema): Unwrapped {
  let cur = s;
  let optional = false;
  let dflt: unknown;
  const meta: { description?: string; default?: string; docType?: string } = {};
  for (;;) {
    const m = metaOf(cur);
    meta.description ??= m.description;
    meta.default ??= m.default;
    meta.docType ??= m.docType;
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'nullable') optional = true;
    else if (d.type === 'default' || d.type === 'prefault') {
      optional = true;
      dflt ??= d.defaultValue;
    } else if (d.type !== 'pipe' || meta.docType !== undefined) break;
    // A named building block (docType) is not looked into: its input side is an implementation detail.
    cur = (d.type === 'pipe' ? d.in : d.innerType) as Schema;
  }
  return { inner: cur, optional, default: dflt, meta };
}

/** The default as YAML text; an empty mapping says nothing (its keys have their own defaults). */
function defaultText(u: Unwrapped): string | undefined {
  if (u.meta.default !== undefined) return u.meta.default;
  const v = u.default;
  if (v === undefined) return undefined;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return undefined;
  if (v !== null && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return stringify(v, { collectionStyle: 'flow', lineWidth: 0 }).trim().replace(/([[{]) /g, '$1').replace(/ ([\]}])/g, '$1');
}

function bounds(d: Def): string {
  const parts: string[] = [];
  for (const c of d.checks ?? []) {
    const cd = c._zod.def as unknown as Def & { check?: string; value?: unknown; inclusive?: boolean; minimum?: unknown; maximum?: unknown };
    if (cd.check === 'greater_than') parts.push(`${cd.inclusive ? '≥' : '>'} ${String(cd.value)}`);
    if (cd.check === 'less_than') parts.push(`${cd.inclusive ? '≤' : '<'} ${String(cd.value)}`);
    if (cd.check === 'min_length' && Number(cd.minimum) > 1) parts.push(`at least ${String(cd.minimum)}`);
  }
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function isInt(d: Def): boolean {
  return (d.checks ?? []).some((c) => (c._zod.def as { format?: string }).format === 'safeint');
}

/** The type of a leaf (or a list of leaves) in words. */
function typeName(s: Schema): string {
  const u = unwrap(s);
  if (u.meta.docType) return u.meta.docType;
  const d = defOf(u.inner);
  switch (d.type) {
    case 'string': return (d.checks ?? []).some((c) => (c._zod.def as { format?: string }).format === 'url') ? 'URL' : 'string';
    case 'number': return `${isInt(d) ? 'integer' : 'number'}${bounds(d)}`;
    case 'boolean': return 'boolean';
    case 'enum': return `one of ${Object.values(d.entries as Record<string, string>).map((v) => `\`${v}\``).join(', ')}`;
    case 'literal': return (d.values as unknown[]).map((v) => `\`${String(v)}\``).join(', ');
    case 'array': return `list of ${typeName(d.element as Schema)}${bounds(d)}`;
    case 'record': return `mapping of string to ${typeName(d.valueType as Schema)}`;
    case 'object': return 'mapping';
    case 'union': return typeof d.discriminator === 'string' ? `mapping by \`${d.discriminator}\`` : (d.options as Schema[]).map(typeName).join(' or ');
    default: return d.type;
  }
}

/** Rows for every key under `schema` (an object), depth first in schema order. */
export function walk(schema: Schema, prefix = '', variant?: string): KeyRow[] {
  const d = defOf(unwrap(schema).inner);
  if (d.type !== 'object') return [];
  const keys: { key: string; own: KeyRow; below: KeyRow[] }[] = [];
  for (const [key, child] of Object.entries(d.shape as Record<string, Schema>)) {
    const u = unwrap(child);
    const cd = defOf(u.inner);
    if (cd.type === 'undefined') continue; // a key refused with a reason (request_id, url_file)
    const path = prefix ? `${prefix}.${key}` : key;
    const dflt = defaultText(u);
    const own: KeyRow = {
      path, type: typeName(child), required: !u.optional,
      ...(variant ? { variant } : {}), ...(dflt !== undefined ? { default: dflt } : {}),
      ...(u.meta.description ? { description: u.meta.description } : {}),
    };
    keys.push({ key, own, below: u.meta.docType ? [] : nested(u.inner, path, variant) });
  }
  return shareSiblings(prefix, keys);
}

/**
 * Sibling mappings with the same keys (the three checks, the receivers'
 * `send_resolved`) share one row: `checks.{delivery,health}.schedule`.
 */
function shareSiblings(prefix: string, keys: readonly { key: string; own: KeyRow; below: KeyRow[] }[]): KeyRow[] {
  const base = (key: string) => (prefix ? `${prefix}.${key}` : key);
  const sig = (key: string, r: KeyRow) => JSON.stringify({ ...r, path: r.path.slice(base(key).length) });
  const holders = new Map<string, string[]>();
  for (const k of keys) for (const r of k.below) holders.set(sig(k.key, r), [...(holders.get(sig(k.key, r)) ?? []), k.key]);
  const out: KeyRow[] = [];
  const done = new Set<string>();
  for (const k of keys) {
    out.push(k.own);
    for (const r of k.below) {
      const s = sig(k.key, r);
      const who = holders.get(s) as string[];
      if (who.length < 2) out.push(r);
      else if (!done.has(s)) {
        done.add(s);
        out.push({ ...r, path: `${base(`{${who.join(',')}}`)}${r.path.slice(base(k.key).length)}` });
      }
    }
  }
  return out;
}

/** Keys inside a mapping, a list of mappings, or a list of alternative mappings. */
function nested(s: Schema, path: string, variant: string | undefined): KeyRow[] {
  const d = defOf(s);
  if (d.type === 'object') return walk(s, path, variant);
  if (d.type !== 'array') return [];
  const el = unwrap(d.element as Schema).inner;
  const ed = defOf(el);
  if (ed.type === 'object') return walk(el, `${path}[]`, variant);
  if (ed.type === 'union' && typeof ed.discriminator === 'string') return alternatives(ed, `${path}[]`);
  return [];
}

/**
 * Keys of a list of alternatives (`type: file | stdin | http`): a key every
 * alternative has alike is one row; the others name their alternative.
 */
function alternatives(d: Def, path: string): KeyRow[] {
  const tag = d.discriminator as string;
  const options = d.options as Schema[];
  const perOption = options.map((o) => {
    const shape = defOf(o).shape as Record<string, Schema>;
    const value = defOf(unwrap(shape[tag] as Schema).inner).values as unknown[];
    return walk(o, path, `${tag}: ${String(value[0])}`);
  });
  const same = (r: KeyRow) => JSON.stringify({ ...r, variant: undefined });
  const counts = new Map<string, number>();
  for (const rows of perOption) for (const r of rows) counts.set(same(r), (counts.get(same(r)) ?? 0) + 1);
  const out: KeyRow[] = [];
  const emitted = new Set<string>();
  for (const rows of perOption) {
    for (const r of rows) {
      const k = same(r);
      if (counts.get(k) !== options.length) out.push(r);
      else if (!emitted.has(k)) {
        emitted.add(k);
        const { variant: _v, ...shared } = r;
        out.push(shared);
      }
    }
  }
  return out;
}
