import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../../../catalog/index.js';
import { ExporterRuntime } from '../../../../exporter/run/runtime.js';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';
import { applyBatch } from '../../../../exporter/sources/ingest-batch.js';
import { CHECKPOINT_FILE, CheckpointError, readCheckpoint } from '../../../../exporter/state/checkpoint.js';
import { parseExposition } from '../../../integration/exporter/generate.js';
import { line, runtimeSettings } from './support.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-rt-ingest-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (): ExporterSettings => runtimeSettings(dir, [
  { type: 'http', name: 'push', path: '/ingest', format: 'hookwatch', maxBodyBytes: 10_000, idempotency: { ttlSeconds: 3600, maxEntries: 100 } },
]);
const linesRead = (text: string) => parseExposition(text).get(`${METRICS.exporterLinesRead.name}{source="push"}`);

/** What the daemon does with one POST body, short of HTTP. */
function ingest(rt: ExporterRuntime, body: string, key: string | null) {
  return applyBatch(Buffer.from(body), key, {
    maxLineBytes: 10_000, ...rt.engine.sink('push', { format: 'hookwatch' }), keys: rt.ingestKeys('push'),
    counted: (result) => rt.engine.agg.inc('exporterIngestBatches', { source: 'push', result }),
  });
}

describe('ExporterRuntime with HTTP ingest keys', () => {
  it('checkpoints a key together with its lines: after a crash a checkpointed batch is a replay, an unsaved one is applied again', async () => {
    const a = await ExporterRuntime.open(settings(), { version: 't' });
    expect(ingest(a, line(1) + line(2), 'k1').result).toBe('applied');
    expect(await a.commit()).toBe(true);
    // Applied but killed before its checkpoint: neither its lines nor its key survive.
    ingest(a, line(3), 'k2');
    const cp = await readCheckpoint(join(dir, 'state'));
    expect(cp?.ingest?.push?.map(([k]) => k)).toEqual(['k1']);

    const b = await ExporterRuntime.open(settings(), { version: 't' });
    expect(linesRead(b.snapshot)).toBe(2);
    expect(ingest(b, line(1) + line(2), 'k1')).toEqual({ result: 'replayed', accepted: 2, rejected: 0 });
    expect(ingest(b, line(3), 'k2')).toEqual({ result: 'applied', accepted: 1, rejected: 0 });
    expect(await b.commit()).toBe(true);
    expect(linesRead(b.snapshot)).toBe(3);
    const batches = (result: string) => parseExposition(b.snapshot).get(`${METRICS.exporterIngestBatches.name}{source="push",result="${result}"}`);
    expect([batches('applied'), batches('replayed'), batches('unkeyed')]).toEqual([2, 1, 0]);
    await b.close();
  });

  it('loads a checkpoint written before ingest keys existed', async () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(join(dir, 'state', CHECKPOINT_FILE), JSON.stringify({
      version: 1, writtenAt: 1, sources: {}, labels: {}, state: { scalars: { exporterLinesRead: [[['push'], 7]] }, histograms: {} },
    }));
    const rt = await ExporterRuntime.open(settings(), { version: 't' });
    expect(linesRead(rt.snapshot)).toBe(7);
    expect(rt.ingestKeys('push').size).toBe(0);
    expect(ingest(rt, line(1), 'k').result).toBe('applied');
    await rt.close();
    expect((await readCheckpoint(join(dir, 'state')))?.ingest?.push).toHaveLength(1);
  });

  it('refuses a checkpoint whose keys are malformed, with one line', async () => {
    mkdirSync(join(dir, 'state'));
    writeFileSync(join(dir, 'state', CHECKPOINT_FILE), JSON.stringify({
      version: 1, writtenAt: 1, sources: {}, labels: {}, state: { scalars: {}, histograms: {} }, ingest: { push: [['k', 'soon']] },
    }));
    await expect(ExporterRuntime.open(settings(), { version: 't' })).rejects.toThrow(CheckpointError);
    await expect(readCheckpoint(join(dir, 'state'))).rejects.toThrow(/"ingest" is not a map of source names/);
  });

  it('commit() says false while the checkpoint cannot be written, and true once it can', async () => {
    const rt = await ExporterRuntime.open(settings(), { version: 't' });
    writeFileSync(join(dir, 'state'), 'a file where the state folder should be');
    ingest(rt, line(1), 'k');
    expect(await rt.commit()).toBe(false);
    rmSync(join(dir, 'state'));
    expect(await rt.commit()).toBe(true);
    expect(linesRead(rt.snapshot)).toBe(1);
    await rt.close();
  });
});
