/**
 * Keeps secrets out of everything hookwatch prints or serves: config errors,
 * `send`, `check`, `dashboards push` and the status page.
 *
 * Two masks, used together by `masker(secrets)` and `redactor(config)`:
 * - `maskUrls`: in any text, a URL's userinfo and query values become `***`
 *   (scheme, host, path and query keys stay), whether or not the config
 *   knows the URL: an invalid URL in an error, a URL Grafana echoes back;
 * - the config's own secrets (signing secrets, header values, the
 *   credentials and query values of its URLs), masked wherever they appear.
 */
import type { Config } from './types.js';
import { Secret, secretMask } from './secret.js';

const MASK = '***';
/** `scheme://userinfo@`: the userinfo runs to the last `@` before the path, query or fragment. */
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>]*@/gi;
/** A query: from `?` to the end of the token. */
const QUERY = /\?[^\s"'<>#]*/g;
const QUERY_VALUE = /([?&][^=&]*=)[^&]*/g;

/** Masks the userinfo and query values of every URL in a text. */
export function maskUrls(text: string): string {
  return text.replace(USERINFO, `$1${MASK}@`).replace(QUERY, (q) => q.replace(QUERY_VALUE, `$1${MASK}`));
}

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

/** The user, password and query values of a URL, as written and decoded. */
function urlSecrets(raw: string): Secret[] {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return [];
  }
  const values = [u.username, u.password, ...u.username ? [decoded(u.username)] : [], ...u.password ? [decoded(u.password)] : [], ...u.searchParams.values()];
  return [...new Set(values.filter(Boolean))].map((v) => new Secret(v, 'url'));
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Masks every URL's credentials and query values, then the given secrets
 * wherever they appear (`secretMask`: prepared once, so each text costs
 * about its length however many secrets there are; overlapping secrets
 * are masked whole): for any text shown to a person.
 */
export function masker(secrets: readonly Secret[]): (text: string) => string {
  const maskSecrets = secretMask(secrets);
  return (text) => (text ? maskSecrets(maskUrls(text)) : text);
}

/** `masker` over the config's secrets. */
export function redactor(config: Config): (text: string) => string {
  return masker(secretsOf(config));
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
