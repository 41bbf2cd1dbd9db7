/**
 * Validates a fault change sent to the admin API, with the same rules and
 * messages as the config file's `faults:` section.
 */
import { faultsSchema, type Faults } from '../config/schema/faults.js';

export function parseFaultPatch(text: string): { value: Partial<Faults> } | { error: string } {
  let raw: unknown;
  try {
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { error: 'body is not JSON' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { error: 'expected a JSON object of fault settings' };
  // null turns an optional fault off: {"rate_limit": null}.
  const cleared = Object.keys(raw).filter((k) => (raw as Record<string, unknown>)[k] === null);
  const parsed = faultsSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null)));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { error: `${i.path.join('.') || 'faults'}: ${i.message}` };
  }
  // Only the keys the caller sent change; the schema's defaults fill the rest.
  const keys = new Set(Object.keys(raw).map((k) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  const value = Object.fromEntries(Object.entries(parsed.data).filter(([k]) => keys.has(k))) as Partial<Faults>;
  for (const k of cleared) (value as Record<string, unknown>)[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = undefined;
  return { value };
}
