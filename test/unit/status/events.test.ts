import { afterEach, expect, it } from 'vitest';
import { EventHub } from '../../../status/events.js';
import { httpServer, type TestServer } from '../../support/servers.js';

let server: TestServer | undefined;
let hub: EventHub | undefined;
afterEach(async () => {
  hub?.close();
  await server?.close();
});

async function open(url: string): Promise<{ status: number; next: () => Promise<string>; close: () => Promise<void> }> {
  const res = await fetch(url);
  const reader = res.body!.getReader();
  let buffered = '';
  return {
    status: res.status,
    // Resolves with the next complete `status` event's data.
    next: async () => {
      for (;;) {
        const m = /event: status\ndata: (.*)\n\n/.exec(buffered);
        if (m) {
          buffered = buffered.slice(m.index + m[0].length);
          return m[1]!;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffered += new TextDecoder().decode(value);
      }
    },
    close: () => reader.cancel(),
  };
}

it('sends the payload on connect, then one push per burst of changes', async () => {
  let builds = 0;
  hub = new EventHub({ payload: async () => JSON.stringify({ n: ++builds }), minIntervalMs: 50 });
  const h = hub;
  server = await httpServer((req, res) => void h.route(req, res));
  const a = await open(server.url);
  expect(a.status).toBe(200);
  expect(await a.next()).toBe('{"n":1}');
  for (let i = 0; i < 10; i++) h.notify();
  expect(await a.next()).toBe('{"n":2}');
  expect(builds).toBe(2);
  await a.close();
});

it('refuses streams past maxClients (the page then polls) and forgets closed ones', async () => {
  hub = new EventHub({ payload: async () => '{}', maxClients: 1 });
  const h = hub;
  server = await httpServer((req, res) => void h.route(req, res));
  const a = await open(server.url);
  await a.next();
  expect(h.clients).toBe(1);
  const refused = await fetch(server.url);
  expect(refused.status).toBe(503);
  await a.close();
  await expect.poll(() => h.clients).toBe(0);
  const b = await open(server.url);
  expect(b.status).toBe(200);
  await b.close();
});
