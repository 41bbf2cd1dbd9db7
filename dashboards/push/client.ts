/**
 * A minimal client for the Grafana HTTP API endpoints `dashboards push`
 * needs: get and create a folder, create or update a dashboard. Shapes follow
 * Grafana's Folder and Dashboard HTTP API documentation.
 */
import { masker, Secret } from '../../config/index.js';
import { GrafanaApiError, GrafanaUnreachableError } from './errors.js';

/** A service-account token (sent as `Bearer`) or a user and password (sent as Basic). */
export type GrafanaAuth = { readonly token: string } | { readonly user: string; readonly password: string };

export interface ClientOptions {
  /** Grafana root URL, possibly with a sub-path (`https://example.com/grafana`). */
  readonly url: string;
  readonly auth: GrafanaAuth;
  readonly timeoutMs?: number;
}

export interface Folder {
  readonly uid: string;
  readonly title: string;
}

/** What `POST /api/dashboards/db` answers on success. */
export interface SavedDashboard {
  readonly uid: string;
  readonly url: string;
  readonly version: number;
  readonly status: string;
}

/** The `Authorization` header value Grafana documents: `Bearer <token>` or `Basic base64(user:password)`. */
export function authorizationHeader(auth: GrafanaAuth): string {
  return 'token' in auth ? `Bearer ${auth.token}` : `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
}

/**
 * Masks what Grafana's answers and network errors may echo back: the
 * token or password, and any URL's credentials and query values.
 */
function redactAuth(auth: GrafanaAuth): (text: string) => string {
  // For basic auth, the password and the base64 of `user:password` the header carries.
  const values = 'token' in auth ? [auth.token] : [auth.password, authorizationHeader(auth).slice('Basic '.length)];
  return masker(values.map((v) => new Secret(v, 'grafana')));
}

/** Folder and dashboard calls against one Grafana; non-2xx answers become `GrafanaApiError`. */
export class GrafanaClient {
  private readonly base: URL;
  private readonly mask: (text: string) => string;

  constructor(private readonly options: ClientOptions) {
    // A trailing slash makes relative API paths keep any sub-path.
    this.base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
    this.mask = redactAuth(options.auth);
  }

  /** `GET /api/folders/:uid`; null when the folder does not exist (404). */
  async getFolder(uid: string): Promise<Folder | null> {
    const res = await this.request('GET', `api/folders/${encodeURIComponent(uid)}`, undefined, [404]);
    return res.status === 404 ? null : (res.body as Folder);
  }

  /** `POST /api/folders` with `{uid, title}`. */
  async createFolder(uid: string, title: string): Promise<Folder> {
    return (await this.request('POST', 'api/folders', { uid, title })).body as Folder;
  }

  /** `POST /api/dashboards/db`: creates or overwrites the dashboard with this uid. */
  async saveDashboard(dashboard: object, folderUid: string, message: string): Promise<SavedDashboard> {
    return (await this.request('POST', 'api/dashboards/db', { dashboard, folderUid, overwrite: true, message })).body as SavedDashboard;
  }

  private async request(method: 'GET' | 'POST', path: string, body?: object, allowed: readonly number[] = []): Promise<{ status: number; body: unknown }> {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = { Accept: 'application/json', Authorization: authorizationHeader(this.options.auth) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new GrafanaUnreachableError(this.mask(this.base.href), err, this.mask);
    }
    const text = await res.text();
    const parsed = parseJson(text);
    if (res.ok || allowed.includes(res.status)) return { status: res.status, body: parsed };
    const info = (parsed ?? {}) as { message?: unknown; status?: unknown };
    throw new GrafanaApiError(
      method,
      `/${path}`,
      res.status,
      typeof info.message === 'string' ? this.mask(info.message) : undefined,
      typeof info.status === 'string' ? this.mask(info.status) : undefined,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
