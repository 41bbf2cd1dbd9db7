/**
 * The two ways the library reports give the same series: a webhook with
 * both a registry and a `deliveryLog` takes signed traffic, and
 * `hookwatch export --once` on that log reports the same
 * `webhook_events_processed_total` and `webhook_processing_seconds` counts
 * (and lines it cannot parse: none) as the registry holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { createWebhook, PermanentError, TemporaryError } from '../../../receiver-kit/index.js';
import { parseExposition } from '../exporter/generate.js';
import { standardWebhooksRequest, SW_SECRET } from '../../support/official-senders.js';
import { runCli, stopAll } from '../../support/process.js';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-kit-log-'));
afterAll(() => {
  stopAll();
  rmSync(dir, { recursive: true, force: true });
});

const pick = (m: Map<string, number>) => new Map([...m].filter(([k]) =>
  k.startsWith(`${METRICS.eventsProcessed.name}{`) || k.startsWith(`${METRICS.processing.name}_count{`)));

describe('deliveryLog', () => {
  it('writes processed records the exporter counts into the registry\'s very series', async () => {
    const log = join(dir, 'receiver.jsonl');
    const registry = new Registry();
    const hook = createWebhook({ endpoint: 'payments-primary', scheme: 'standard-webhooks', secrets: [SW_SECRET], registry, deliveryLog: log });
    const outcomes = ['ok', 'ok', 'temp', 'perm', 'ok'] as const;
    const answers: number[] = [];
    for (const [i, o] of outcomes.entries()) {
      const type = i % 2 ? 'refund.issued' : 'payment.received';
      const req = standardWebhooksRequest(`msg_log_${i}`, JSON.stringify({ type, created_at: new Date().toISOString() }));
      const r = await hook.handle(req, () => {
        if (o === 'temp') throw new TemporaryError('busy');
        if (o === 'perm') throw new PermanentError('bad');
      });
      answers.push(r.status);
    }
    // A redelivery of the first event: a duplicate in both.
    answers.push((await hook.handle(standardWebhooksRequest('msg_log_0', JSON.stringify({ type: 'payment.received' }), Math.floor(Date.now() / 1000) + 1), () => undefined)).status);
    await hook.close();
    expect(answers).toEqual([200, 200, 500, 422, 200, 200]);
    const records = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.kind, r.event_id, r.status])).toEqual([
      ['processed', 'msg_log_0', 'success'], ['processed', 'msg_log_1', 'success'], ['processed', 'msg_log_2', 'temporary_failure'],
      ['processed', 'msg_log_3', 'permanent_failure'], ['processed', 'msg_log_4', 'success'], ['processed', 'msg_log_0', 'duplicate'],
    ]);
    expect(records.every((r) => typeof r.request_id === 'string' && r.endpoint === 'payments-primary')).toBe(true);

    const cfg = join(dir, 'hookwatch.yaml');
    writeFileSync(cfg, ['endpoints:', '  - { name: payments-primary, url: "https://payments.example.com/webhook" }', 'exporter:', `  sources: [{ type: file, path: ${log}, name: receiver }]`, ''].join('\n'));
    const r = await runCli(['export', '--once', '--config', cfg]);
    expect(r.stderr).toBe('');
    const fromLog = parseExposition(r.stdout);
    expect(fromLog.get(`${METRICS.exporterParseErrors.name}{source="receiver",reason="invalid_json"}`) ?? 0).toBe(0);
    const fromRegistry = pick(parseExposition(await registry.metrics()));
    // The exporter starts every status at 0 too, and both agree on every non-zero one.
    const nonZero = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0));
    expect(nonZero(pick(fromLog))).toEqual(nonZero(fromRegistry));
    expect(fromRegistry.get(`${METRICS.eventsProcessed.name}{endpoint="payments-primary",event_type="payment.received",status="success"}`)).toBe(2);
  }, 60_000);
});
