/**
 * The counting core: lines in, metric state out. Each line is counted
 * exactly once, either as a record (by kind) or as a parse error (by
 * reason); `lines_read` is their sum. Sources call it synchronously, so
 * the state and the sources' offsets always move together.
 */
import { LABEL, type ParseErrorReason } from '../../catalog/index.js';
import { EXPORTER_DEFAULTS } from '../../config/defaults.js';
import { RecordApplier } from './apply.js';
import { AttemptMemory, type SerializedAttempts } from './attempts.js';
import { EndpointResolver, type EndpointRef } from './endpoints.js';
import { LabelGuard } from './label-guard.js';
import { PartialRecorder, type PartialState } from './partial.js';
import { parseRecord, readerFor, type FormatSpec } from '../records/parse.js';
import type { DeliveryRecord } from '../records/record.js';
import type { LineAt, LineSink } from '../sources/lines.js';
import { Aggregates, type ScalarSeries } from '../state/aggregates.js';

export interface EngineOptions {
  readonly endpoints: readonly EndpointRef[];
  readonly labelLimit: number;
  /** Restored state (from a checkpoint). */
  readonly aggregates?: Aggregates;
  readonly labels?: Readonly<Record<string, readonly string[]>>;
  /** (event, endpoint) pairs remembered to number attempts of formats without a number (default: none restored). */
  readonly attemptMemory?: number;
  readonly attempts?: SerializedAttempts;
  /** Told about every line that was not a record (the daemon logs them, rate-limited). */
  readonly badLine?: BadLineHook;
  /**
   * Count one part of a log for a later merge (./partial.ts, ./merge.ts):
   * no label cap, and what the merge needs to replay it is recorded.
   */
  readonly partial?: boolean;
}

export type BadLineHook = (source: string, reason: ParseErrorReason, at: LineAt | undefined) => void;

export class Engine {
  readonly agg: Aggregates;
  private resolver: EndpointResolver;
  readonly guard: LabelGuard;
  readonly attempts: AttemptMemory;
  private readonly badLine: BadLineHook | undefined;
  private readonly applier: RecordApplier;
  private readonly recorder: PartialRecorder | undefined;
  /** Per source: its self-metric series, found once. */
  private readonly perSource = new Map<string, SourceSeries>();

  constructor(opts: EngineOptions) {
    this.agg = opts.aggregates ?? new Aggregates();
    this.applier = new RecordApplier(this.agg);
    this.attempts = new AttemptMemory(opts.attemptMemory ?? EXPORTER_DEFAULTS.attemptMemory, opts.attempts);
    this.badLine = opts.badLine;
    this.resolver = new EndpointResolver(opts.endpoints);
    this.guard = new LabelGuard(opts.partial ? Infinity : opts.labelLimit, this.exemptFor(this.resolver), opts.labels);
    this.recorder = opts.partial ? new PartialRecorder(this.exemptFor(this.resolver)) : undefined;
  }

  /** What a partial engine counted, for mergePartial. */
  partialState(): PartialState {
    if (!this.recorder) throw new Error('partialState: not a partial engine');
    return this.recorder.result(this.agg.toJSON());
  }

  /** Applies a reloaded config's endpoints, label cap and attempt memory. */
  reconfigure(endpoints: readonly EndpointRef[], labelLimit: number, attemptMemory?: number): void {
    this.resolver = new EndpointResolver(endpoints);
    if (attemptMemory !== undefined) this.attempts.reconfigure(attemptMemory);
    this.guard.reconfigure(labelLimit, this.exemptFor(this.resolver));
  }

  private exemptFor(r: EndpointResolver) {
    return (label: string, value: string) => label === LABEL.endpoint && r.isConfigured(value);
  }

  /** A line sink that counts into this engine under the `source` label; `line` says whether it was a record. */
  sink(source: string, spec: FormatSpec): { line(text: string, bytes: number, where?: () => LineAt): boolean } & LineSink {
    const read = readerFor(spec);
    return {
      line: (text, bytes, where) => {
        this.countLine(source, bytes);
        const r = parseRecord(text, read);
        if (typeof r === 'string') {
          this.skipped(source, r, where);
          return false;
        }
        this.record(source, r);
        return true;
      },
      tooLong: (bytes, where) => {
        this.countLine(source, bytes);
        this.skipped(source, 'line_too_long', where);
      },
    };
  }

  private skipped(source: string, reason: ParseErrorReason, where: (() => LineAt) | undefined): void {
    this.agg.inc('exporterParseErrors', { source, reason });
    this.badLine?.(source, reason, where?.());
  }

  /** The source counted last and its series: lines come in runs of one source, so most lookups are a compare. */
  private lastSource: string | undefined;
  private lastSeries: SourceSeries | undefined;

  private of(source: string): SourceSeries {
    if (source === this.lastSource) return this.lastSeries as SourceSeries;
    let s = this.perSource.get(source);
    if (!s) this.perSource.set(source, (s = { records: new Map() }));
    this.lastSource = source;
    this.lastSeries = s;
    return s;
  }

  private countLine(source: string, bytes: number): void {
    const s = this.of(source);
    this.agg.add((s.lines ??= this.agg.series('exporterLinesRead', { source })));
    this.agg.add((s.bytes ??= this.agg.series('exporterBytesRead', { source })), bytes);
  }

  /** Counts an already parsed record (backfill drives parsing itself). */
  record(source: string, r: DeliveryRecord): void {
    const endpoint = this.guard.admit(LABEL.endpoint, this.resolver.resolve(r.endpoint, r.url), this.agg);
    const eventType = this.guard.admit(LABEL.eventType, r.eventType, this.agg);
    const attempt = r.deriveAttempt && r.kind === 'attempt' ? this.attempts.next(r.eventId, r.endpoint ?? r.url ?? '', r.outcome === 'delivered') : r.attempt;
    this.recorder?.record(r, endpoint, eventType);
    this.applier.apply(r, endpoint, eventType, attempt);
    const s = this.of(source);
    let kind = s.records.get(r.kind);
    if (!kind) s.records.set(r.kind, (kind = this.agg.series('exporterRecords', { source, kind: r.kind })));
    this.agg.add(kind);
    // Not created before a later time is seen (as get/set did); a restored state may already hold one.
    if (r.ts > (s.lastEvent ? s.lastEvent.value : this.agg.get('exporterLastEvent', { source }))) this.agg.put((s.lastEvent ??= this.agg.series('exporterLastEvent', { source })), r.ts);
  }
}

/** A source's self-metric series, created on first use like inc/set would. */
interface SourceSeries {
  lines?: ScalarSeries;
  bytes?: ScalarSeries;
  lastEvent?: ScalarSeries;
  readonly records: Map<string, ScalarSeries>;
}
