/**
 * Alertmanager silences through its v2 API (0.25): create one on an
 * endpoint label, find the active ones on it, expire one. Every failure is
 * an `AlertmanagerError` whose message is one line naming the URL.
 */
import { LABEL } from '../catalog/index.js';
import { maskUrls } from '../config/index.js';

const TIMEOUT_MS = 10_000;

export class AlertmanagerError extends Error {
  override readonly name = 'AlertmanagerError';
}

interface Matcher { readonly name: string; readonly value: string; readonly isRegex: boolean; readonly isEqual?: boolean }
export interface Silence {
  readonly id: string;
  readonly matchers: readonly Matcher[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly createdBy: string;
  readonly comment: string;
  readonly status: { readonly state: 'active' | 'pending' | 'expired' };
}

async function call(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const url = `${base.replace(/\/+$/, '')}/api/v2${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    const c = (err as { cause?: { code?: string; message?: string } }).cause;
    const cause = c?.code ?? c?.message ?? (err as Error).message;
    throw new AlertmanagerError(`cannot reach Alertmanager at ${maskUrls(base)} (${cause})`);
  }
  const text = await res.text();
  if (!res.ok) throw new AlertmanagerError(`Alertmanager at ${maskUrls(base)} answered ${method} ${path.split('?')[0]} with ${res.status}: ${text.trim().replace(/\s+/g, ' ').slice(0, 200)}`);
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    throw new AlertmanagerError(`Alertmanager at ${maskUrls(base)} answered ${method} ${path.split('?')[0]} with something that is not JSON`);
  }
}

const endpointMatcher = (endpoint: string): Matcher => ({ name: LABEL.endpoint, value: endpoint, isRegex: false, isEqual: true });

/** Creates a silence of `endpoint`'s alerts from now for `seconds`; returns its id. */
export async function createSilence(base: string, s: { endpoint: string; seconds: number; author: string; reason: string; now?: number }): Promise<{ id: string; endsAt: string }> {
  const now = s.now ?? Date.now();
  const endsAt = new Date(now + s.seconds * 1000).toISOString();
  const out = await call(base, 'POST', '/silences', {
    matchers: [endpointMatcher(s.endpoint)],
    startsAt: new Date(now).toISOString(),
    endsAt,
    createdBy: s.author,
    comment: s.reason,
  }) as { silenceID?: string } | undefined;
  if (!out?.silenceID) throw new AlertmanagerError(`Alertmanager at ${maskUrls(base)} created no silence id`);
  return { id: out.silenceID, endsAt };
}

/** Active or pending silences whose only matcher is `endpoint="NAME"`: the ones `createSilence` makes. */
export async function endpointSilences(base: string, endpoint: string): Promise<Silence[]> {
  const all = await call(base, 'GET', `/silences?filter=${encodeURIComponent(`${LABEL.endpoint}="${endpoint}"`)}`) as Silence[];
  return all.filter((s) => s.status.state !== 'expired' && s.matchers.length === 1
    && s.matchers[0]!.name === LABEL.endpoint && s.matchers[0]!.value === endpoint && !s.matchers[0]!.isRegex && s.matchers[0]!.isEqual !== false);
}

export async function expireSilence(base: string, id: string): Promise<void> {
  await call(base, 'DELETE', `/silence/${encodeURIComponent(id)}`);
}
