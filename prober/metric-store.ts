/**
 * The prober's own metric store and its text exposition (format 0.0.4),
 * written for fleets: 10,000 endpoints are about 400,000 series in compact
 * mode. prom-client keeps a labels object, a hash string and a value object
 * per series and renders the whole page in one synchronous pass that builds
 * an object per sample; at that size it blocked the event loop (every probe
 * start and response timing) for tens of seconds. Here a series is its
 * label pairs, escaped and formatted once when it is created (they are its
 * key as well), and plain numbers (a histogram: per-bucket counts, sum and
 * count). `chunks()` writes the page in pieces of about `CHUNK_LINES` lines
 * and yields to the event loop between them, so a render of any size delays
 * a timer by one piece at most.
 *
 * The page is what prom-client rendered for the same calls: families in
 * creation order separated by a blank line, series in creation order (a
 * removed series that comes back goes last), labels in catalog order (the
 * order every caller names them), a histogram's `le` first. A render that
 * spans several turns of the event loop may show a probe recorded while it
 * ran in one family and not yet in a later one; each series is written
 * whole.
 */
import { escapeLabelValue } from '../catalog/index.js';
import { familyHeader, formatValue, type MetricShape } from '../daemon/index.js';

/** Label values by name (the typed API above narrows them per metric). */
export type Labels = Readonly<Record<string, string>>;

/** Lines written between two yields to the event loop. */
export const CHUNK_LINES = 4096;

/** `a="x",b="y"` in the family's label order (no braces): the series' key and its text. */
function pairsOf(names: readonly string[], labels: Labels): string {
  const parts: string[] = [];
  for (const name of names) {
    const v = labels[name];
    if (v !== undefined) parts.push(`${name}="${escapeLabelValue(v)}"`);
  }
  // join makes one flat string; `+=` would keep a tree of pieces per series (several times the bytes).
  return parts.join(',');
}

export interface ScalarSeries { readonly pairs: string; value: number }
export interface HistogramSeries { readonly pairs: string; readonly counts: number[]; sum: number; count: number }

abstract class Family<S extends { readonly pairs: string }> {
  readonly series = new Map<string, S>();
  /** Called before each render (a family computed at scrape time). */
  collect?: () => void;
  constructor(readonly def: MetricShape) {}

  protected abstract fresh(pairs: string): S;
  /** The series' lines, each ending in a newline. */
  abstract lines(s: S): string;
  /** How many lines `lines` writes for one series. */
  abstract get linesPerSeries(): number;

  protected seriesOf(labels: Labels): S {
    const pairs = pairsOf(this.def.labels, labels);
    let s = this.series.get(pairs);
    if (!s) this.series.set(pairs, (s = this.fresh(pairs)));
    return s;
  }

  /**
   * The series of `labels`, created when missing. A caller may keep it and
   * update it in place while `holds` says the family still has it (a removed
   * or reset series is a new object when it comes back).
   */
  at(labels: Labels): S { return this.seriesOf(labels); }
  holds(s: S): boolean { return this.series.get(s.pairs) === s; }

  remove(labels: Labels): void { this.series.delete(pairsOf(this.def.labels, labels)); }
  reset(): void { this.series.clear(); }
}

export class CounterFamily extends Family<ScalarSeries> {
  protected fresh(pairs: string): ScalarSeries { return { pairs, value: 0 }; }
  get linesPerSeries(): number { return 1; }
  lines(s: ScalarSeries): string { return `${this.def.name}${s.pairs ? `{${s.pairs}}` : ''} ${formatValue(s.value)}\n`; }
  inc(labels: Labels, by = 1): void {
    if (!(by >= 0)) throw new TypeError(`${this.def.name}: a counter only goes up (got ${by})`);
    this.seriesOf(labels).value += by;
  }
  /** The value of one series, undefined when it does not exist. */
  get(labels: Labels): number | undefined { return this.series.get(pairsOf(this.def.labels, labels))?.value; }
}

export class GaugeFamily extends Family<ScalarSeries> {
  protected fresh(pairs: string): ScalarSeries { return { pairs, value: 0 }; }
  get linesPerSeries(): number { return 1; }
  lines(s: ScalarSeries): string { return `${this.def.name}${s.pairs ? `{${s.pairs}}` : ''} ${formatValue(s.value)}\n`; }
  set(labels: Labels, value: number): void { this.seriesOf(labels).value = value; }
  get(labels: Labels): number | undefined { return this.series.get(pairsOf(this.def.labels, labels))?.value; }
}

export class HistogramFamily extends Family<HistogramSeries> {
  readonly bounds: readonly number[];
  readonly #le: readonly string[];
  constructor(def: MetricShape) {
    super(def);
    this.bounds = [...(def.buckets ?? [])];
    this.#le = this.bounds.map(formatValue);
  }
  protected fresh(pairs: string): HistogramSeries { return { pairs, counts: new Array<number>(this.bounds.length).fill(0), sum: 0, count: 0 }; }
  get linesPerSeries(): number { return this.bounds.length + 3; }
  lines(s: HistogramSeries): string {
    const name = this.def.name;
    const tail = s.pairs ? `,${s.pairs}}` : '}';
    let text = '';
    let cum = 0;
    for (let i = 0; i < this.#le.length; i++) {
      cum += s.counts[i] as number;
      text += `${name}_bucket{le="${this.#le[i]}"${tail} ${cum}\n`;
    }
    const braces = s.pairs ? `{${s.pairs}}` : '';
    return `${text}${name}_bucket{le="+Inf"${tail} ${s.count}\n${name}_sum${braces} ${formatValue(s.sum)}\n${name}_count${braces} ${s.count}\n`;
  }
  observe(labels: Labels, value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`${this.def.name}: not a finite number: ${value}`);
    this.observeAt(this.seriesOf(labels), value);
  }
  /** `observe` on a series from `at`. */
  observeAt(s: HistogramSeries, value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`${this.def.name}: not a finite number: ${value}`);
    const bounds = this.bounds;
    for (let i = 0; i < bounds.length; i++) {
      if (value <= (bounds[i] as number)) {
        (s.counts[i] as number) += 1;
        break;
      }
    }
    s.sum += value;
    s.count += 1;
  }
  /** Creates the series at zero, or sets an existing one back to zero. */
  zero(labels: Labels): void {
    const pairs = pairsOf(this.def.labels, labels);
    const s = this.series.get(pairs);
    if (s) { s.counts.fill(0); s.sum = 0; s.count = 0; } else this.series.set(pairs, this.fresh(pairs));
  }
  get(labels: Labels): { readonly counts: readonly number[]; readonly sum: number; readonly count: number } | undefined {
    return this.series.get(pairsOf(this.def.labels, labels));
  }
}

export type AnyFamily = CounterFamily | GaugeFamily | HistogramFamily;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class MetricStore {
  static readonly contentType = 'text/plain; version=0.0.4; charset=utf-8';
  readonly #families = new Map<string, AnyFamily>();

  add(def: MetricShape): AnyFamily {
    if (this.#families.has(def.name)) throw new Error(`metric ${def.name} is already registered`);
    const f = def.type === 'counter' ? new CounterFamily(def) : def.type === 'gauge' ? new GaugeFamily(def) : new HistogramFamily(def);
    this.#families.set(def.name, f);
    return f;
  }

  family(name: string): AnyFamily | undefined { return this.#families.get(name); }

  /**
   * The page in pieces of about `chunkLines` lines, yielding to the event
   * loop (setImmediate) after each, so timers and sockets are served while
   * a large page is written.
   */
  async *chunks(chunkLines = CHUNK_LINES): AsyncGenerator<string> {
    let text = '';
    let lines = 0;
    let first = true;
    for (const f of this.#families.values()) {
      f.collect?.();
      text += `${first ? '' : '\n'}${familyHeader(f.def.name, f.def.help, f.def.type)}`;
      first = false;
      const per = f.linesPerSeries;
      // Maps iterate what is added or removed meanwhile in insertion order, so a render survives updates between pieces.
      for (const s of f.series.values() as IterableIterator<never>) {
        text += f.lines(s);
        lines += per;
        if (lines >= chunkLines) {
          yield text;
          text = '';
          lines = 0;
          await yieldToLoop();
        }
      }
    }
    if (text) yield text;
  }

  /** The whole page as one string (tests, and the single-probe benchmark's one scrape). */
  async metrics(): Promise<string> {
    let out = '';
    for await (const c of this.chunks()) out += c;
    return out;
  }
}
