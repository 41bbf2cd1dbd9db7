/**
 * Keeps secrets off the status page and its API.
 *
 * The page never shows URLs, headers or signatures, only names and probe
 * results. Failure reasons are free text written by the checks, though, so
 * every string that leaves the page passes through a mask of everything the
 * config holds that could be secret: signing secrets, header values, and
 * the credentials and query values of endpoint URLs.
 */
import { maskSecrets, Secret, type Config } from '../config/index.js';

/** Every value of the config that must never be shown. */
export function secretsOf(config: Config): Secret[] {
  const out: Secret[] = [];
  for (const e of config.endpoints) {
    out.push(...(e.signing?.secrets ?? []));
    for (const v of Object.values(e.headers)) out.push(new Secret(v, 'header'));
    for (const u of [e.url, e.healthUrl]) if (u) out.push(...urlSecrets(u));
  }
  if (config.grafana.url) out.push(...urlSecrets(config.grafana.url));
  return out;
}

function urlSecrets(raw: string): Secret[] {
  try {
    const u = new URL(raw);
    const values = [u.username, u.password, ...u.searchParams.values()].filter(Boolean).map(decodeURIComponent);
    return values.map((v) => new Secret(v, 'url'));
  } catch {
    return [];
  }
}

/** A masking function over the given secrets (longest first, so a secret containing another is masked whole). */
export function masker(secrets: readonly Secret[]): (text: string) => string {
  const sorted = [...secrets].sort((a, b) => b.reveal().length - a.reveal().length);
  return (text) => (text ? maskSecrets(text, sorted) : text);
}

/** A URL without user, password, query or fragment (for links we do show). */
export function publicUrl(raw: string): string {
  try {
    const u = new URL(raw);
    u.username = '';
    u.password = '';
    u.search = '';
    u.hash = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '';
  }
}
