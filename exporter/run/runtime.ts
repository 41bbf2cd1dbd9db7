/**
 * The exporter at run time: sources feeding the engine, checkpoints, and
 * the snapshot `/metrics` serves. The snapshot is replaced only after the
 * checkpoint holding the same state is durable, so no scrape ever sees a
 * value a crash could take back.
 */
import { readCheckpoint, writeCheckpoint, type Checkpoint, type SourcePosition } from '../state/checkpoint.js';
import { INGEST_BATCH_RESULTS, LABEL, PARSE_ERROR_REASONS } from '../../catalog/index.js';
import { silentLogger, type Logger } from '../../daemon/index.js';
import { Engine } from '../counting/engine.js';
import { renderExposition } from '../exposition/render.js';
import type { FileSource } from '../sources/file-source.js';
import { openFileSource } from './open.js';
import { BadLineLog } from './bad-lines.js';
import { Aggregates } from '../state/aggregates.js';
import { BatchKeys } from '../state/batch-keys.js';
import { EXPORTER_DEFAULTS } from '../../config/defaults.js';
import { catchUp, type CatchUpOptions, type CatchUpTarget } from './catch-up.js';
import { splittable } from './parallel.js';
import type { ExporterSettings } from './settings.js';

export interface RuntimeOptions {
  readonly version: string;
  /** Unix seconds (injected for tests). */
  readonly now?: () => number;
  readonly log?: Logger;
}

const KEY_SEP = '\u0000';

export class ExporterRuntime {
  readonly engine: Engine;
  private files: FileSource[] = [];
  /** Idempotency-Keys applied, per `http` source: checkpointed with the counts they produced. */
  private readonly keys = new Map<string, BatchKeys>();
  private published = '';
  private flushing: Promise<void> | null = null;
  /** `agg.version` the published snapshot was rendered at (-1: none durable yet). */
  private durableVersion = -1;
  private pending: Promise<void> | null = null;
  private readonly now: () => number;
  private readonly log: Logger;
  private readonly badLines: BadLineLog;

  private constructor(private settings: ExporterSettings, private saved: Checkpoint | null, private readonly opts: RuntimeOptions) {
    this.now = opts.now ?? (() => Date.now() / 1000);
    this.log = opts.log ?? silentLogger;
    this.badLines = new BadLineLog(this.log, { now: this.now });
    this.engine = new Engine({
      endpoints: settings.endpoints,
      labelLimit: settings.labelLimit,
      aggregates: saved ? Aggregates.from(saved.state) : new Aggregates(),
      labels: saved?.labels ?? {},
      // Attempt numbering (Svix, Convoy) and the bad-line log: see counting/attempts.ts, ./bad-lines.ts.
      attemptMemory: settings.attemptMemory, attempts: saved?.attempts, badLine: this.badLines.report,
    });
    this.engine.agg.set('buildInfo', { version: opts.version, component: 'exporter' }, 1);
    this.published = renderExposition(this.engine.agg);
    this.openSources();
    for (const s of settings.sources) {
      if (s.type === 'http') this.keys.set(s.name, new BatchKeys(s.idempotency, this.now, saved?.ingest?.[s.name]));
    }
    this.initSelfSeries();
  }

  /** Loads the last checkpoint (if any) and prepares the sources. */
  static async open(settings: ExporterSettings, opts: RuntimeOptions): Promise<ExporterRuntime> {
    return new ExporterRuntime(settings, await readCheckpoint(settings.stateDir), opts);
  }

  /**
   * Counters whose label values are known up front start at 0, so a first
   * parse error or rotation shows as an increase rather than a new series
   * (rate() and increase() cannot see the first sample of a series).
   */
  private initSelfSeries(): void {
    const agg = this.engine.agg;
    this.settings.sources.forEach((s) => {
      const source = { source: s.name };
      agg.inc('exporterLinesRead', source, 0);
      for (const reason of PARSE_ERROR_REASONS) agg.inc('exporterParseErrors', { ...source, reason }, 0);
      if (s.type === 'file') {
        agg.inc('exporterRotations', source, 0);
        agg.inc('exporterTruncations', source, 0);
      }
      if (s.type === 'http') for (const result of INGEST_BATCH_RESULTS) agg.inc('exporterIngestBatches', { ...source, result }, 0);
    });
    for (const label of [LABEL.endpoint, LABEL.eventType]) agg.inc('exporterLabelOverflow', { label }, 0);
    this.initEndpointSeries();
  }

  /**
   * A configured endpoint's DLQ is empty until a record says otherwise:
   * its depth reads 0, not "no data" (a depth that was counted is kept).
   * Endpoints only the logs name get theirs from their first DLQ record.
   */
  private initEndpointSeries(): void {
    for (const { name } of this.settings.endpoints) this.engine.agg.inc('dlqDepth', { [LABEL.endpoint]: name }, 0);
  }

  private openSources(): void {
    const saved = new Map<string, Map<string, SourcePosition>>();
    for (const [key, pos] of Object.entries(this.saved?.sources ?? {})) {
      const [src = '', path = ''] = key.split(KEY_SEP);
      if (!saved.has(src)) saved.set(src, new Map());
      saved.get(src)?.set(path, pos);
    }
    for (const s of this.settings.sources) {
      if (s.type !== 'file') continue;
      const resume = { positions: saved.get(s.name) ?? new Map<string, SourcePosition>(), retired: this.saved?.retired?.[s.name] ?? [] };
      this.files.push(openFileSource(this.engine, s, this.settings.maxLineBytes, resume, undefined, this.log));
    }
  }

  /** Reads every file source once (to its end, or to its per-poll budget). True when more is ready. */
  pollFiles(follow = true): Promise<boolean> {
    return this.serial(async () => {
      let more = false;
      for (const f of this.files) if (await f.poll(follow)) more = true;
      this.badLines.tick();
      return more;
    });
  }

  /**
   * Counts a large unread backlog on worker threads (./catch-up.ts), in
   * turn with polls; true when it counted some. Every merged piece moves
   * its source's position with it, so a checkpoint taken meanwhile is exact.
   */
  catchUp(o: Pick<CatchUpOptions, 'workers' | 'workerUrl' | 'pieceBytes' | 'stopped'> = {}): Promise<boolean> {
    return this.serial(async () => {
      const targets = this.catchUpTargets();
      if (!targets) return false;
      const s = this.settings;
      return catchUp(this.engine, targets, {
        endpoints: s.endpoints, maxLineBytes: s.maxLineBytes, minBytes: s.parallelCatchUpBytes ?? EXPORTER_DEFAULTS.parallelCatchUpBytes, log: this.log, ...o,
      });
    });
  }

  /** The sources' files, when every source is one file of a format a part of a log counts alone in. */
  private catchUpTargets(): CatchUpTarget[] | null {
    const out: CatchUpTarget[] = [];
    for (const s of this.settings.sources) {
      if (s.type !== 'file' || !splittable(s)) return null;
      const tail = this.files.find((f) => f.name === s.name)?.singleTail();
      if (!tail) return null;
      out.push({ source: s, tail });
    }
    return out;
  }

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Runs `fn` after every earlier serial task: a reload swapping the file
   * sources must not interleave with a poll still reading the old ones
   * (lines read after the positions were taken would be counted twice).
   */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The Idempotency-Keys of an `http` source. */
  ingestKeys(source: string): BatchKeys {
    const keys = this.keys.get(source);
    if (!keys) throw new Error(`no http source named ${source}`);
    return keys;
  }

  /**
   * A checkpoint holding everything counted up to this call: true once it
   * is durable, false when writing it failed (the state stays in memory
   * and the next checkpoint tries again).
   */
  async commit(): Promise<boolean> {
    const version = this.engine.agg.version;
    await this.flush();
    return this.durableVersion >= version;
  }

  /** The exposition of the last durable checkpoint. */
  get snapshot(): string {
    return this.published;
  }

  /**
   * Writes a checkpoint of the current state and publishes it. Concurrent
   * calls coalesce: a caller always gets a checkpoint taken after its call.
   */
  flush(): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.writeOnce().finally(() => { this.flushing = null; });
      return this.flushing;
    }
    this.pending ??= this.flushing.then(() => { this.pending = null; return this.flush(); });
    return this.pending;
  }

  private async writeOnce(): Promise<void> {
    // Everything below up to the write is synchronous: offsets, counters
    // and the rendered text describe the same instant.
    const agg = this.engine.agg;
    const sources: Record<string, SourcePosition> = {};
    for (const f of this.files) {
      for (const [path, pos] of f.positions()) sources[`${f.name}${KEY_SEP}${path}`] = pos;
      const lag = f.lag();
      agg.set('exporterSourceSize', { source: f.name }, lag.size);
      agg.set('exporterSourceOffset', { source: f.name }, lag.offset);
    }
    // Nothing counted and no gauge moved since the last durable checkpoint:
    // the published snapshot already is this state (idle scrapes stay cheap).
    if (agg.version === this.durableVersion) return;
    const at = this.now();
    agg.set('exporterLastCheckpoint', {}, at);
    agg.inc('exporterCheckpointWrites', { result: 'success' });
    const text = renderExposition(agg);
    const retired = Object.fromEntries(this.files.map((f) => [f.name, f.retired()]));
    const ingest = this.keys.size > 0 ? { ingest: Object.fromEntries([...this.keys].map(([name, k]) => [name, k.toJSON()])) } : {};
    const attempts = this.engine.attempts.size > 0 ? { attempts: this.engine.attempts.toJSON() } : {};
    const cp: Checkpoint = { version: 1, writtenAt: at, sources, retired, labels: this.engine.guard.toJSON(), state: agg.toJSON(), ...ingest, ...attempts };
    const version = agg.version;
    try {
      await writeCheckpoint(this.settings.stateDir, JSON.stringify(cp));
      this.published = text;
      this.durableVersion = version;
    } catch (err) {
      agg.inc('exporterCheckpointWrites', { result: 'success' }, -1);
      agg.inc('exporterCheckpointWrites', { result: 'failure' });
      this.log.error('checkpoint write failed, serving the previous one', { state_dir: this.settings.stateDir, error: (err as NodeJS.ErrnoException).code ?? err });
    }
  }

  /** Applies a reloaded config: endpoint names, label cap, added or removed file sources. */
  async reconfigure(next: ExporterSettings): Promise<void> {
    this.engine.reconfigure(next.endpoints, next.labelLimit, next.attemptMemory);
    for (const s of next.sources) if (s.type === 'http') this.keys.get(s.name)?.reconfigure(s.idempotency);
    const key = (s: ExporterSettings['sources'][number]) => (s.type === 'file' ? `${s.name}${KEY_SEP}${s.path}${KEY_SEP}${s.format}${KEY_SEP}${JSON.stringify(s.map ?? null)}` : '');
    const before = new Set(this.settings.sources.map(key));
    const after = new Set(next.sources.map(key));
    if ([...before].some((k) => !after.has(k)) || [...after].some((k) => !before.has(k))) {
      await this.serial(() => this.swapSources(next));
    } else this.settings = next;
    this.initEndpointSeries();
  }

  private async swapSources(next: ExporterSettings): Promise<void> {
    await this.flush();
    const positions = this.files.flatMap((f) => [...f.positions()].map(([p, pos]) => [`${f.name}${KEY_SEP}${p}`, pos] as const));
    const retired = Object.fromEntries(this.files.map((f) => [f.name, f.retired()]));
    for (const f of this.files) await f.close();
    this.files = [];
    this.settings = next;
    this.saved = { ...(this.saved ?? emptyCheckpoint()), sources: Object.fromEntries(positions), retired };
    this.openSources();
    this.initSelfSeries();
  }

  /** Final checkpoint and closes the files (SIGTERM). */
  async close(): Promise<void> {
    await this.serial(async () => {
      await this.flush();
      for (const f of this.files) await f.close();
    });
  }

  /** The sources of the config now running. */
  get sources(): ExporterSettings['sources'] {
    return this.settings.sources;
  }

  /** Where this runtime's checkpoint lives. */
  get stateDir(): string {
    return this.settings.stateDir;
  }
}

function emptyCheckpoint(): Checkpoint {
  return { version: 1, writtenAt: 0, sources: {}, labels: {}, state: { scalars: {}, histograms: {} } };
}

