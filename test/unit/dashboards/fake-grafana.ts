/**
 * A stand-in for Grafana's HTTP API (Folder and Dashboard APIs, as
 * documented for /api/folders and /api/dashboards/db) on a local port.
 * Every request is checked against the documented contract (path, method,
 * Authorization form, Content-Type, body shape); a violation is recorded and
 * answered 400, and tests assert there were none. Answers mimic Grafana's
 * status codes and JSON bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeGrafanaOptions {
  /** Service-account tokens and their role. */
  readonly tokens?: Record<string, 'Admin' | 'Editor' | 'Viewer'>;
  /** Basic-auth users: user → [password, role]. */
  readonly users?: Record<string, readonly [string, 'Admin' | 'Editor' | 'Viewer']>;
  /** Path prefix Grafana is served under (`root_url` with a sub-path). */
  readonly subPath?: string;
  /** Dashboard uids owned by a plugin: saving them answers 412 plugin-dashboard. */
  readonly pluginDashboards?: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly contentType?: string;
  readonly body?: unknown;
}

interface StoredDashboard { uid: string; title: string; folderUid: string; version: number; id: number; model: Record<string, unknown>; message?: string }

export class FakeGrafana {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly folders = new Map<string, { id: number; uid: string; title: string; version: number }>();
  readonly dashboards = new Map<string, StoredDashboard>();
  private server?: Server;
  private nextId = 1;

  constructor(private readonly options: FakeGrafanaOptions = {}) {}

  /** Base URL (with the sub-path, if any). */
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.options.subPath ?? ''}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private violation(res: ServerResponse, text: string): void {
    this.violations.push(text);
    send(res, 400, { message: `test server: ${text}` });
  }

  private role(auth: string | undefined): 'Admin' | 'Editor' | 'Viewer' | null {
    if (!auth) return null;
    const bearer = /^Bearer (\S+)$/.exec(auth);
    if (bearer) return this.options.tokens?.[bearer[1]!] ?? null;
    const basic = /^Basic ([A-Za-z0-9+/=]+)$/.exec(auth);
    if (basic) {
      const [user, ...rest] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
      const entry = this.options.users?.[user ?? ''];
      return entry && entry[0] === rest.join(':') ? entry[1] : null;
    }
    return null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const fullPath = new URL(req.url ?? '/', 'http://x').pathname;
    const auth = req.headers.authorization;
    const contentType = req.headers['content-type'];
    let body: unknown;
    if (raw) {
      try { body = JSON.parse(raw); } catch { return this.violation(res, `${req.method} ${fullPath}: body is not JSON`); }
    }
    const prefix = this.options.subPath ?? '';
    const path = fullPath.startsWith(`${prefix}/`) ? fullPath.slice(prefix.length) : `(outside ${prefix})${fullPath}`;
    this.requests.push({ method: req.method ?? '', path, ...(auth ? { authorization: auth } : {}), ...(contentType ? { contentType } : {}), ...(body !== undefined ? { body } : {}) });

    if (auth && !/^(Bearer \S+|Basic [A-Za-z0-9+/=]+)$/.test(auth)) return this.violation(res, `Authorization header has neither the Bearer nor the Basic form: ${auth}`);
    if (req.method === 'POST' && !/^application\/json(;|$)/.test(contentType ?? '')) return this.violation(res, `${fullPath}: POST without Content-Type: application/json`);
    if (!path.startsWith('/api/')) return send(res, 404, { message: 'Not found' });
    const role = this.role(auth);
    if (!role) return send(res, 401, { message: 'Invalid API key', messageId: 'auth.unauthorized', statusCode: 401, traceID: '' });

    const folder = /^\/api\/folders\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && folder) return this.getFolder(res, decodeURIComponent(folder[1]!));
    if (req.method === 'POST' && path === '/api/folders') return this.createFolder(res, role, body);
    if (req.method === 'POST' && path === '/api/dashboards/db') return this.saveDashboard(res, role, body);
    return this.violation(res, `undocumented endpoint ${req.method} ${path}`);
  }

  private getFolder(res: ServerResponse, uid: string): void {
    const f = this.folders.get(uid);
    if (!f) return send(res, 404, { message: 'folder not found', status: 'not-found' });
    send(res, 200, { ...f, url: `/dashboards/f/${f.uid}/${slug(f.title)}`, hasAcl: false, canSave: true, canEdit: true, canAdmin: true });
  }

  private createFolder(res: ServerResponse, role: string, body: unknown): void {
    const b = body as { uid?: unknown; title?: unknown } | undefined;
    if (!b || typeof b !== 'object' || Object.keys(b).some((k) => !['uid', 'title', 'description', 'parentUid'].includes(k))) {
      return this.violation(res, `POST /api/folders: body must be {uid?, title, description?, parentUid?}, got ${JSON.stringify(body)}`);
    }
    if (typeof b.title !== 'string' || b.title === '') return send(res, 400, { message: 'folder title cannot be empty' });
    if (b.uid !== undefined && (typeof b.uid !== 'string' || b.uid.length > 40)) return this.violation(res, 'POST /api/folders: uid must be a string of at most 40 characters');
    if (role === 'Viewer') return send(res, 403, { message: 'You\'ll need additional permissions to perform this action. Permissions needed: folders:create' });
    const uid = (b.uid as string | undefined) ?? `gen${this.nextId}`;
    if (this.folders.has(uid)) return send(res, 409, { message: 'a folder with the same uid already exists' });
    const f = { id: this.nextId++, uid, title: b.title, version: 1 };
    this.folders.set(uid, f);
    send(res, 200, { ...f, url: `/dashboards/f/${uid}/${slug(b.title)}` });
  }

  private saveDashboard(res: ServerResponse, role: string, body: unknown): void {
    const b = body as { dashboard?: Record<string, unknown>; folderUid?: unknown; overwrite?: unknown; message?: unknown; folderId?: unknown } | undefined;
    const allowed = ['dashboard', 'folderUid', 'folderId', 'overwrite', 'message'];
    if (!b || typeof b !== 'object' || Object.keys(b).some((k) => !allowed.includes(k))) return this.violation(res, `POST /api/dashboards/db: body keys must be among ${allowed.join(', ')}`);
    const d = b.dashboard;
    if (!d || typeof d !== 'object') return this.violation(res, 'POST /api/dashboards/db: dashboard must be an object');
    if (b.folderUid !== undefined && typeof b.folderUid !== 'string') return this.violation(res, 'folderUid must be a string');
    if (b.overwrite !== undefined && typeof b.overwrite !== 'boolean') return this.violation(res, 'overwrite must be a boolean');
    if (b.message !== undefined && typeof b.message !== 'string') return this.violation(res, 'message must be a string');
    if (typeof d.title !== 'string' || d.title.trim() === '') return send(res, 400, { message: 'Dashboard title cannot be empty', status: 'empty-name' });
    const uid = typeof d.uid === 'string' ? d.uid : `gen${this.nextId}`;
    if (uid.length > 40) return send(res, 400, { message: 'Dashboard UID too long', status: 'uid-too-long' });
    if (role === 'Viewer') return send(res, 403, { message: 'Access denied to save dashboard' });
    const folderUid = (b.folderUid as string | undefined) ?? '';
    if (folderUid && !this.folders.has(folderUid)) return send(res, 400, { message: 'folder not found', status: 'not-found' });
    if (this.options.pluginDashboards?.includes(uid)) {
      return send(res, 412, { message: 'A dashboard with the same uid already exists and belongs to a plugin', status: 'plugin-dashboard' });
    }
    const existing = this.dashboards.get(uid);
    if (existing && b.overwrite !== true && d.version !== existing.version) {
      return send(res, 412, { message: 'The dashboard has been changed by someone else', status: 'version-mismatch' });
    }
    const sameTitle = [...this.dashboards.values()].find((o) => o.uid !== uid && o.folderUid === folderUid && o.title === d.title);
    if (sameTitle && b.overwrite !== true) return send(res, 412, { message: 'A dashboard with the same name in the folder already exists', status: 'name-exists' });
    const stored: StoredDashboard = {
      uid, title: d.title, folderUid, id: existing?.id ?? this.nextId++, version: (existing?.version ?? 0) + 1, model: d,
      ...(typeof b.message === 'string' ? { message: b.message } : {}),
    };
    this.dashboards.set(uid, stored);
    send(res, 200, { id: stored.id, uid, url: `/d/${uid}/${slug(d.title)}`, status: 'success', version: stored.version, slug: slug(d.title) });
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
