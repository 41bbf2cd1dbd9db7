/**
 * A deterministic delivery log with its own truth: the generator counts
 * what it writes, independently of the exporter, so tests can assert the
 * exporter's totals exactly.
 */
import { METRICS, statusClassOf } from '../../../catalog/index.js';

/** Endpoints of the test config. */
export const TEST_ENDPOINTS = [
  { name: 'payments-primary', url: 'https://primary.example.com/webhook' },
  { name: 'payments-backup', url: 'https://backup.example.com/hooks/in' },
  { name: 'crm', url: 'http://crm.internal:8080/events' },
] as const;

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TARGETS = [
  { field: { endpoint: 'payments-primary' }, label: 'payments-primary' },
  { field: { url: 'https://user:pw@backup.example.com/hooks/in?sig=abc' }, label: 'payments-backup' },
  { field: { endpoint: 'crm', url: 'http://crm.internal:8080/events' }, label: 'crm' },
  { field: { url: 'https://unknown.example.org/wh?token=secret' }, label: 'unknown.example.org/wh' },
] as const;
const EVENT_TYPES = ['payment.received', 'subscription.created', 'invoice.paid'];
const STATUSES = [200, 200, 200, 200, 200, 201, 204, 400, 429, 500, 502, 503, null];
const ERRORS = ['timeout of 10000ms exceeded', 'connect ECONNREFUSED 10.0.0.1:443', 'getaddrinfo ENOTFOUND x', 'certificate has expired'];
const BAD = ['not json', '[1,2]', '{"ts":"yesterday","event_id":"e","event_type":"t","endpoint":"crm"}', '{"event_id":"e"}', ''];

export interface GeneratedLog {
  readonly lines: string[];
  /** Expected exposition values by series, `name{labels}` as the exporter writes them. */
  readonly expected: Map<string, number>;
  readonly badLines: number;
}

function add(m: Map<string, number>, key: string, by = 1): void {
  m.set(key, (m.get(key) ?? 0) + by);
}

/** `n` lines starting at `startMs` (event time), about 2% of them malformed. */
export function generateLog(n: number, seed = 1, startMs = Date.UTC(2026, 10, 20)): GeneratedLog {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const lines: string[] = [];
  const expected = new Map<string, number>();
  let badLines = 0;
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.02) {
      lines.push(pick(BAD));
      badLines++;
      continue;
    }
    const t = pick(TARGETS);
    const eventType = pick(EVENT_TYPES);
    const status = pick(STATUSES);
    const error = status === null ? pick(ERRORS) : null;
    const attempt = 1 + Math.floor(rnd() * 4);
    const ts = startMs + i * 100;
    const ok = status !== null && status < 300;
    const rec = {
      ts: new Date(ts).toISOString(), kind: 'attempt', event_id: `evt_${i}`, event_type: eventType, ...t.field,
      attempt, status, error, duration_ms: Math.round(rnd() * 3000) / 10, created_at: new Date(ts - 5000).toISOString(),
      outcome: ok ? 'delivered' : attempt === 4 ? 'dead_lettered' : 'retrying',
    };
    lines.push(JSON.stringify(rec));
    const lbl = `endpoint="${t.label}",event_type="${eventType}"`;
    add(expected, `${METRICS.deliveries.name}{${lbl},status_class="${statusClassOf(status)}"}`);
    if (!ok) {
      const reason = status === 429 ? 'rate_limited' : status !== null && status < 500 ? 'http_4xx' : status !== null ? 'http_5xx'
        : /timeout/.test(error ?? '') ? 'timeout' : /ENOTFOUND/.test(error ?? '') ? 'dns' : /certificate/.test(error ?? '') ? 'tls' : 'connection';
      add(expected, `${METRICS.deliveryFailures.name}{${lbl},reason="${reason}"}`);
    }
    add(expected, `${METRICS.deliveryDuration.name}_count{${lbl}}`);
    if (ok) add(expected, `${METRICS.events.name}{${lbl},outcome="delivered"}`);
    else if (attempt === 4) add(expected, `${METRICS.events.name}{${lbl},outcome="dead_lettered"}`);
  }
  return { lines, expected, badLines };
}

/** Parses an exposition into `name{labels}` → value (comments skipped). */
export function parseExposition(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const sp = line.lastIndexOf(' ');
    out.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  return out;
}
