/**
 * Deterministic delivery logs for the exporter benchmark. The same bytes
 * go to hookwatch and to mtail.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: the same sequence on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ENDPOINTS = Array.from({ length: 20 }, (_, i) => ({ name: `endpoint-${String(i).padStart(2, '0')}`, url: `https://hooks-${i}.example.com/webhook` }));
const EVENT_TYPES = ['payment.received', 'payment.failed', 'subscription.created', 'subscription.cancelled', 'invoice.paid', 'customer.updated'];
const STATUSES = [200, 200, 200, 200, 200, 200, 201, 202, 204, 301, 400, 404, 410, 429, 500, 502, 503, 504, null];
const ERRORS = ['timeout of 10000ms exceeded', 'connect ECONNREFUSED 10.1.2.3:443', 'getaddrinfo ENOTFOUND hooks.example.com'];

/** One JSON line (no newline). Durations end in .37 so none sits on a bucket bound. */
export function line(i, rnd, startMs = Date.UTC(2026, 10, 1)) {
  const ep = ENDPOINTS[Math.floor(rnd() * ENDPOINTS.length)];
  const status = STATUSES[Math.floor(rnd() * STATUSES.length)];
  const ts = startMs + i * 10;
  const attempt = 1 + Math.floor(rnd() * 5);
  const ok = status !== null && status < 300;
  return JSON.stringify({
    ts: new Date(ts).toISOString(), kind: 'attempt', event_id: `evt_${i.toString(36)}`,
    event_type: EVENT_TYPES[Math.floor(rnd() * EVENT_TYPES.length)], endpoint: ep.name, url: ep.url, attempt, status,
    error: status === null ? ERRORS[Math.floor(rnd() * ERRORS.length)] : null,
    duration_ms: Math.floor(rnd() * (rnd() < 0.9 ? 800 : 20000)) + 0.37,
    created_at: new Date(ts - 1000 - Math.floor(rnd() * 60000)).toISOString(),
    outcome: ok ? 'delivered' : attempt === 5 ? 'dead_lettered' : 'retrying',
  });
}

/** Writes prefixes of one log: each cut ({path, lines}, lines a multiple of 5000) gets the first `lines` lines. */
export async function writeLogs(cuts, seed = 20261129) {
  const rnd = prng(seed);
  const max = Math.max(...cuts.map((c) => c.lines));
  const streams = cuts.map((c) => ({ ...c, s: createWriteStream(c.path) }));
  let buf = '';
  for (let i = 0; i < max; i++) {
    buf += `${line(i, rnd)}\n`;
    if ((i + 1) % 5000 !== 0 && i + 1 !== max) continue;
    for (const st of streams) {
      if (st.lines >= i + 1 && !st.s.write(buf)) await once(st.s, 'drain');
    }
    buf = '';
  }
  await Promise.all(streams.map((st) => new Promise((r) => st.s.end(r))));
}
