/**
 * Issue 12 point 7: what Grafana says back, and what a failed connection
 * says, is relayed with the token, the password and every URL's
 * credentials and query values masked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDER_UID, GrafanaApiError, pushDashboards, type GrafanaAuth } from '../../../dashboards/index.js';
import { GrafanaUnreachableError } from '../../../dashboards/push/index.js';

const TOKEN = 'glsa_tokencanary81';
const PASSWORD = 'pwcanary5521';
let server: Server | undefined;

/** A Grafana that refuses everything and echoes the credentials and a credentialed URL in its message. */
async function echoing(): Promise<string> {
  server = createServer((req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `refused ${req.headers.authorization} for https://admin:${PASSWORD}@grafana.local/api?auth_token=${TOKEN}&x=querycanary7` }));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const push = (url: string, auth: GrafanaAuth) => pushDashboards({ url, auth, folderUid: FOLDER_UID, folderTitle: 'Webhooks', dashboards: [], message: 'test' }).then(
  () => { throw new Error('expected a rejection'); },
  (e: Error) => e,
);

afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

describe('pushDashboards masks what it relays', () => {
  it.each<[string, GrafanaAuth]>([
    ['a token', { token: TOKEN }],
    ['basic auth', { user: 'admin', password: PASSWORD }],
  ])('Grafana\'s error body, with %s', async (_name, auth) => {
    const err = await push(await echoing(), auth);
    expect(err).toBeInstanceOf(GrafanaApiError);
    for (const s of [TOKEN, PASSWORD, 'querycanary7', Buffer.from(`admin:${PASSWORD}`).toString('base64')]) {
      expect(err.message).not.toContain(s);
      expect((err as GrafanaApiError).grafanaMessage).not.toContain(s);
    }
    expect(err.message).toContain('for https://***@grafana.local/api?auth_token=***&x=***');
  });

  it('a URL with credentials that cannot be reached', async () => {
    const err = await push(`http://admin:${PASSWORD}@127.0.0.1:9/`, { token: TOKEN });
    expect(err).toBeInstanceOf(GrafanaUnreachableError);
    expect(err.message).toMatch(/^Cannot reach Grafana at http:\/\/\*\*\*@127\.0\.0\.1:9\/: /);
    expect(err.message).not.toContain(PASSWORD);
  });
});
