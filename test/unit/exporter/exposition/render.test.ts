import { describe, expect, it } from 'vitest';
import { METRICS, metricByName } from '../../../../catalog/index.js';
import { applyRecord } from '../../../../exporter/counting/apply.js';
import { renderExposition } from '../../../../exporter/exposition/render.js';
import type { DeliveryRecord } from '../../../../exporter/records/record.js';
import { Aggregates } from '../../../../exporter/state/aggregates.js';
import { promtoolCheckMetrics } from '../../../support/promtool.js';
import { families } from '../../../support/scrape.js';

const rec = (over: Partial<DeliveryRecord>): DeliveryRecord => ({
  kind: 'attempt', ts: 1000, eventId: 'e', eventType: 't', endpoint: 'ep', url: undefined, attempt: 2, status: 503, error: undefined,
  durationSeconds: 0.3, createdAt: 900, queuedAt: 950, outcome: 'delivered', rateLimitLimit: 10, rateLimitRemaining: 1,
  processingSeconds: 0.01, processedStatus: 'success', ...over,
});

function fullState(): Aggregates {
  const a = new Aggregates();
  for (const kind of ['attempt', 'dlq', 'dlq_replay', 'processed'] as const) applyRecord(a, rec({ kind }), 'ep', 't');
  applyRecord(a, rec({ outcome: 'dead_lettered', status: undefined, error: 'ETIMEDOUT' }), 'weird "quoted"\\name\nx', 'ty');
  for (const key of ['exporterLinesRead', 'exporterBytesRead', 'exporterRotations', 'exporterTruncations', 'exporterLastEvent', 'exporterSourceSize', 'exporterSourceOffset'] as const) a.inc(key, { source: 's' });
  a.inc('exporterRecords', { source: 's', kind: 'attempt' });
  a.inc('exporterParseErrors', { source: 's', reason: 'invalid_json' });
  a.inc('exporterCheckpointWrites', { result: 'success' });
  a.set('exporterLastCheckpoint', {}, 1234.5);
  a.inc('exporterLabelOverflow', { label: 'endpoint' });
  a.set('buildInfo', { version: '1.0.0', component: 'exporter' }, 1);
  a.inc('configReloads', { result: 'success' });
  return a;
}

describe('exposition', () => {
  it('is accepted by promtool check metrics', () => {
    const r = promtoolCheckMetrics(renderExposition(fullState()));
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it('exposes only catalog families, with the catalog type', () => {
    const text = renderExposition(fullState());
    const names = families(text);
    expect(names.length).toBeGreaterThan(20);
    for (const n of names) {
      const def = metricByName(n);
      expect(def?.name, n).toBe(n);
      expect(text).toContain(`# TYPE ${n} ${def?.type}\n`);
    }
  });

  it('escapes label values and writes cumulative buckets ending in +Inf = count', () => {
    const text = renderExposition(fullState());
    expect(text).toContain('endpoint="weird \\"quoted\\"\\\\name\\nx"');
    const re = new RegExp(`^${METRICS.deliveryDuration.name}_bucket\\{endpoint="ep",event_type="t",le="([^"]+)"\\} (\\d+)$`, 'gm');
    const buckets = [...text.matchAll(re)];
    expect(buckets.map((m) => Number(m[2]))).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(buckets.at(-1)?.[1]).toBe('+Inf');
  });
});
