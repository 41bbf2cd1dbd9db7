/**
 * `pushDashboards` against a local server that checks every request against
 * Grafana's documented Folder and Dashboard HTTP API and answers as Grafana does.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DASHBOARDS } from '../../../catalog/index.js';
import { FOLDER_UID, GrafanaApiError, buildDashboards, pushDashboards, type GrafanaAuth } from '../../../dashboards/index.js';
import { GrafanaUnreachableError } from '../../../dashboards/push/index.js';
import { FakeGrafana, type FakeGrafanaOptions } from './fake-grafana.js';
import { goldenConfig } from './support.js';

const dashboards = buildDashboards(goldenConfig()).map((b) => b.dashboard);
const TOKEN: GrafanaAuth = { token: 'glsa_editor' };
let fake: FakeGrafana | undefined;

async function grafana(options: FakeGrafanaOptions = {}): Promise<FakeGrafana> {
  fake = await new FakeGrafana({ tokens: { glsa_editor: 'Editor', glsa_viewer: 'Viewer' }, users: { admin: ['s3cret:x', 'Admin'] }, ...options }).start();
  return fake;
}
const push = (g: FakeGrafana, auth: GrafanaAuth = TOKEN, url = g.url) =>
  pushDashboards({ url, auth, folderUid: FOLDER_UID, folderTitle: 'Webhooks', dashboards, message: 'hookwatch test' });
const errorOf = async (p: Promise<unknown>): Promise<Error> => p.then(() => { throw new Error('expected a rejection'); }, (e: Error) => e);

afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

describe('pushDashboards', () => {
  it('creates the missing folder, then uploads every dashboard with overwrite', async () => {
    const g = await grafana();
    const result = await push(g);
    expect(g.violations).toEqual([]);
    expect(result.folder).toBe('created');
    expect(g.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/folders/${FOLDER_UID}`,
      'POST /api/folders',
      ...dashboards.map(() => 'POST /api/dashboards/db'),
    ]);
    expect(g.requests[1]!.body).toEqual({ uid: FOLDER_UID, title: 'Webhooks' });
    for (const r of g.requests) expect(r.authorization).toBe('Bearer glsa_editor');
    const saves = g.requests.slice(2).map((r) => r.body as { dashboard: { uid: string; id?: unknown }; folderUid: string; overwrite: boolean; message: string });
    expect(saves.map((s) => [s.dashboard.uid, s.folderUid, s.overwrite, s.message])).toEqual(
      Object.values(DASHBOARDS).map((d) => [d.uid, FOLDER_UID, true, 'hookwatch test']),
    );
    expect(saves.every((s) => !('id' in s.dashboard))).toBe(true);
    expect(result.dashboards.map((d) => [d.uid, d.version, d.status])).toEqual(Object.values(DASHBOARDS).map((d) => [d.uid, 1, 'success']));
  });

  it('is idempotent: a second push reuses the folder and overwrites the same dashboards', async () => {
    const g = await grafana();
    await push(g);
    const first = JSON.stringify([...g.dashboards.values()].map((d) => d.model));
    g.requests.length = 0;
    const again = await push(g);
    expect(g.violations).toEqual([]);
    expect(again.folder).toBe('existing');
    expect(g.requests.filter((r) => r.path === '/api/folders')).toEqual([]);
    expect(g.folders.size).toBe(1);
    expect(g.dashboards.size).toBe(5);
    expect(JSON.stringify([...g.dashboards.values()].map((d) => d.model))).toBe(first);
    expect(again.dashboards.map((d) => d.version)).toEqual([2, 2, 2, 2, 2]);
  });

  it('authenticates with basic auth and works under a sub-path', async () => {
    const g = await grafana({ subPath: '/grafana' });
    await push(g, { user: 'admin', password: 's3cret:x' }, `${g.url}/`);
    expect(g.violations).toEqual([]);
    expect(g.requests[0]!.authorization).toBe(`Basic ${Buffer.from('admin:s3cret:x').toString('base64')}`);
    expect(g.dashboards.size).toBe(5);
  });

  it('reports 401 in one line', async () => {
    const g = await grafana();
    const err = await errorOf(push(g, { token: 'wrong' }));
    expect(err).toBeInstanceOf(GrafanaApiError);
    expect(err.message).toBe(`Grafana GET /api/folders/${FOLDER_UID} → 401: Grafana rejected the credentials; check the service-account token (or user and password) (Grafana: "Invalid API key")`);
  });

  it('reports 403 in one line', async () => {
    const g = await grafana();
    const err = await errorOf(push(g, { token: 'glsa_viewer' }));
    expect(err.message).toMatch(/^Grafana POST \/api\/folders → 403: the credentials lack permission; the service account needs the Editor role/);
    expect(err.message).not.toContain('\n');
  });

  it('reports 404 (wrong URL or missing sub-path) in one line', async () => {
    const g = await grafana({ subPath: '/grafana' });
    const err = await errorOf(push(g, TOKEN, g.url.replace('/grafana', '/nope')));
    expect(err.message).toBe('Grafana POST /api/folders → 404: not found; check that --grafana-url is the Grafana root URL, including any sub-path (Grafana: "Not found")');
  });

  it('reports 412 with Grafana\'s reason in one line', async () => {
    const g = await grafana({ pluginDashboards: [DASHBOARDS.endpoint.uid] });
    const err = await errorOf(push(g));
    expect(err).toMatchObject({ status: 412, grafanaStatus: 'plugin-dashboard' });
    expect(err.message).toBe('Grafana POST /api/dashboards/db → 412: Grafana refused to overwrite: a plugin dashboard already uses this uid (Grafana: "A dashboard with the same uid already exists and belongs to a plugin")');
  });

  it('reports other statuses with Grafana\'s message in one line', () => {
    expect(new GrafanaApiError('POST', '/api/dashboards/db', 400, 'Cannot save provisioned dashboard').message)
      .toBe('Grafana POST /api/dashboards/db → 400: Grafana rejected the request (a dashboard provisioned from files cannot be overwritten through the API) (Grafana: "Cannot save provisioned dashboard")');
    expect(new GrafanaApiError('GET', '/api/folders/x', 502, 'bad\ngateway').message).toBe('Grafana GET /api/folders/x → 502: unexpected answer (Grafana: "bad gateway")');
  });

  it('reports an unreachable Grafana in one line', async () => {
    const g = await grafana();
    const url = g.url;
    await g.stop();
    fake = undefined;
    const err = await errorOf(push(g, TOKEN, url));
    expect(err).toBeInstanceOf(GrafanaUnreachableError);
    expect(err.message).toMatch(/^Cannot reach Grafana at http:\/\/127\.0\.0\.1:\d+\/: /);
    expect(err.message).not.toContain('\n');
  });
});

describe('the fake Grafana checks requests', () => {
  it('records a violation for a POST without a JSON Content-Type', async () => {
    const g = await grafana();
    const res = await fetch(`${g.url}/api/folders`, { method: 'POST', headers: { Authorization: 'Bearer glsa_editor', 'Content-Type': 'text/plain' }, body: '{"title":"x"}' });
    expect(res.status).toBe(400);
    expect(g.violations).toEqual(['/api/folders: POST without Content-Type: application/json']);
  });

  it('records a violation for an undocumented body field', async () => {
    const g = await grafana();
    await fetch(`${g.url}/api/dashboards/db`, { method: 'POST', headers: { Authorization: 'Bearer glsa_editor', 'Content-Type': 'application/json' }, body: JSON.stringify({ dashboard: { title: 'x' }, folder: 'y' }) });
    expect(g.violations[0]).toMatch(/body keys must be among/);
  });

  it('answers 412 version-mismatch without overwrite, as Grafana does', async () => {
    const g = await grafana();
    const save = (version: number) => fetch(`${g.url}/api/dashboards/db`, { method: 'POST', headers: { Authorization: 'Bearer glsa_editor', 'Content-Type': 'application/json' }, body: JSON.stringify({ dashboard: { uid: 'u', title: 't', version }, overwrite: false }) });
    expect((await save(0)).status).toBe(200);
    const res = await save(0);
    expect([res.status, ((await res.json()) as { status: string }).status]).toEqual([412, 'version-mismatch']);
  });
});
