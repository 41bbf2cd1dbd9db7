import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../../../catalog/index.js';
import { CHECKPOINT_FILE, CheckpointError, readCheckpoint } from '../../../../exporter/state/checkpoint.js';
import { ExporterRuntime } from '../../../../exporter/run/runtime.js';
import type { ExporterSettings } from '../../../../exporter/run/settings.js';
import { parseExposition } from '../../../integration/exporter/generate.js';
import { line, runtimeSettings } from './support.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'hw-rt-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const settings = (): ExporterSettings => runtimeSettings(dir, [{ type: 'file', path: join(dir, 'log.jsonl'), written: 'log.jsonl', format: 'hookwatch', name: 'main' }]);
const delivered = (text: string) => parseExposition(text).get(`${METRICS.deliveries.name}{endpoint="ep",event_type="t",status_class="2xx"}`);

describe('ExporterRuntime', () => {
  it('serves only what a checkpoint holds: reading alone changes nothing, a flush publishes', async () => {
    writeFileSync(join(dir, 'log.jsonl'), line(1) + line(2));
    const rt = await ExporterRuntime.open(settings(), { version: 't' });
    await rt.pollFiles();
    expect(delivered(rt.snapshot)).toBeUndefined();
    await rt.flush();
    expect(delivered(rt.snapshot)).toBe(2);
    await rt.close();
  });

  it('continues after a restart from the checkpoint: no double count, no loss', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, line(1) + line(2));
    const a = await ExporterRuntime.open(settings(), { version: 't' });
    await a.pollFiles();
    await a.flush();
    // Read more but "crash" before the next checkpoint.
    appendFileSync(log, line(3));
    await a.pollFiles();
    const b = await ExporterRuntime.open(settings(), { version: 't' });
    expect(delivered(b.snapshot)).toBe(2);
    appendFileSync(log, line(4, 503));
    await b.pollFiles();
    await b.flush();
    expect(delivered(b.snapshot)).toBe(3);
    expect(parseExposition(b.snapshot).get(`${METRICS.exporterLinesRead.name}{source="main"}`)).toBe(4);
    await b.close();
  });

  it('writes one JSON checkpoint with positions and state, and refuses a corrupt one with a clear message', async () => {
    writeFileSync(join(dir, 'log.jsonl'), line(1));
    const rt = await ExporterRuntime.open(settings(), { version: 't' });
    await rt.pollFiles();
    await rt.close();
    const cp = await readCheckpoint(join(dir, 'state'));
    expect(Object.values(cp?.sources ?? {})).toMatchObject([{ path: join(dir, 'log.jsonl'), offset: line(1).length }]);
    expect(cp?.state.scalars.deliveries).toEqual([[['ep', 't', '2xx'], 1]]);
    const file = join(dir, 'state', CHECKPOINT_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
    await expect(ExporterRuntime.open(settings(), { version: 't' })).rejects.toThrow(CheckpointError);
    await expect(readCheckpoint(join(dir, 'state'))).rejects.toThrow(/checkpoint\.json: not valid JSON; move it away/);
  });

  it('skips the write when nothing changed since the last checkpoint, and writes again after a new line', async () => {
    const log = join(dir, 'log.jsonl');
    writeFileSync(log, line(1));
    let clock = 100;
    const rt = await ExporterRuntime.open(settings(), { version: 't', now: () => clock });
    await rt.pollFiles();
    await rt.flush();
    clock = 200;
    await rt.pollFiles();
    await rt.flush();
    expect((await readCheckpoint(join(dir, 'state')))?.writtenAt).toBe(100);
    appendFileSync(log, line(2));
    await rt.pollFiles();
    await rt.flush();
    expect((await readCheckpoint(join(dir, 'state')))?.writtenAt).toBe(200);
    expect(delivered(rt.snapshot)).toBe(2);
    await rt.close();
  });

  it('a reload adding a source keeps the existing one where it was (no re-read)', async () => {
    writeFileSync(join(dir, 'log.jsonl'), line(1));
    writeFileSync(join(dir, 'other.jsonl'), line(2) + line(3));
    const rt = await ExporterRuntime.open(settings(), { version: 't' });
    await rt.pollFiles();
    const polling = rt.pollFiles(); // a poll in flight while the reload swaps sources
    await rt.reconfigure({ ...settings(), sources: [...settings().sources, { type: 'file', path: join(dir, 'other.jsonl'), written: 'other.jsonl', format: 'hookwatch', name: 'other' }] });
    await polling;
    appendFileSync(join(dir, 'log.jsonl'), line(4));
    await rt.pollFiles();
    await rt.flush();
    expect(delivered(rt.snapshot)).toBe(4);
    await rt.close();
  });

  it('shows a DLQ depth of 0 for every configured endpoint, also one added by a reload, and none for others', async () => {
    writeFileSync(join(dir, 'log.jsonl'), `${JSON.stringify({ ts: '2026-11-28T10:00:00Z', event_id: 'x', event_type: 't', endpoint: 'unknown', status: 200 })}\n`);
    const depth = (text: string) => [...parseExposition(text)].filter(([k]) => k.startsWith(`${METRICS.dlqDepth.name}{`));
    const rt = await ExporterRuntime.open(settings(), { version: 't' });
    await rt.pollFiles();
    await rt.flush();
    expect(depth(rt.snapshot)).toEqual([[`${METRICS.dlqDepth.name}{endpoint="ep"}`, 0]]);
    await rt.reconfigure({ ...settings(), endpoints: [...settings().endpoints, { name: 'added', url: 'https://added.example/h' }] });
    await rt.flush();
    expect(depth(rt.snapshot)).toEqual([[`${METRICS.dlqDepth.name}{endpoint="ep"}`, 0], [`${METRICS.dlqDepth.name}{endpoint="added"}`, 0]]);
    await rt.close();
  });
});
