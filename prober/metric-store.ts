/**
 * The prober's own metric store and its text exposition (format 0.0.4),
 * written for fleets: 10,000 endpoints are about 400,000 series in compact
 * mode. prom-client keeps a labels object, a hash string and a value object
 * per series and renders the whole page in one synchronous pass that builds
 * an object per sample; at that size it blocked the event loop (every probe
 * start and response timing) for tens of seconds. Here a family keeps its
 * series as numbered slots in columns (label texts, values), not an object
 * each, and the label texts are escaped and formatted once, when a series is
 * created, and shared by every family (`LabelTexts`, `metric-labels.ts`): at 10,000 endpoints
 * 46.6 -> 29.3 MiB of heap for 260,000 series. `chunks()` writes the page
 * in pieces of about `CHUNK_LINES` lines and yields to the event loop
 * between them, so a render of any size delays a timer by one piece at most.
 *
 * The page is what prom-client rendered for the same calls: families in
 * creation order separated by a blank line, series in creation order (a
 * removed series that comes back goes last), labels in catalog order (the
 * order every caller names them), a histogram's `le` first. A render that
 * spans several turns of the event loop may show a probe recorded while it
 * ran in one family and not yet in a later one; each series is written
 * whole.
 */
import { braced, LabelTexts, pairsOf, type Labels } from './metric-labels.js';
import { familyHeader, formatValue, type MetricShape } from '../daemon/index.js';

export type { Labels } from './metric-labels.js';

/** Lines written between two yields to the event loop. */
export const CHUNK_LINES = 4096;
/**
 * Longest piece handed out, in characters: a larger string is made in V8's
 * large-object space, which only a full collection frees, so 4,096 lines'
 * 400 KB pieces piled up between them (measured, 10,000 endpoints, six
 * renders streamed to a socket: peak RSS +21 MiB; with pieces of 32 K
 * characters, none).
 */
const PIECE_CHARS = 32 * 1024;

/** `at` and `slot` in a new array of exactly that length (a pushed or spread one keeps room for about 16 more). */
function withSlot(at: number | readonly number[], slot: number): number[] {
  if (typeof at === 'number') return [at, slot];
  const out = new Array<number>(at.length + 1);
  for (let i = 0; i < at.length; i++) out[i] = at[i] as number;
  out[at.length] = slot;
  return out;
}

/** What a store's families share: the label texts, and whether a render is walking their slots. */
interface Shared { readonly texts: LabelTexts; rendering: number }

/** Removed slots tolerated before a family packs its columns (and no fewer than the live ones). */
const HOLES_BEFORE_PACKING = 1024;

/**
 * A family's series are slots, numbered in creation order, in columns: the
 * two label texts of each (shared, see `LabelTexts`) and, in the subclass,
 * its numbers; no object per series. `base` is every label but the family's
 * last, `rest` the last (`phase="dns"`, `result="…"`, `region="…"`: few
 * values, so the series of one base are found by a short scan); a family
 * with one label or none has only a base. A removed series leaves a hole,
 * and one that comes back takes a new slot, last; the columns are packed
 * once holes outnumber the live slots, never while a render walks them.
 */
abstract class Family {
  /** Per slot; undefined for a removed series. */
  readonly #base: (string | undefined)[] = [];
  readonly #rest: string[] = [];
  /** By base text: the slot with it, or the slots with it and different rests. */
  #index = new Map<string, number | number[]>();
  #holes = 0;
  /** Changes when slots are renumbered (packing): kept series from before are not held. */
  #epoch = 0;
  readonly #split: number;
  /** Called before each render (a family computed at scrape time). */
  collect?: () => void;
  constructor(readonly def: MetricShape, protected readonly shared: Shared) {
    this.#split = def.labels.length >= 2 ? def.labels.length - 1 : def.labels.length;
  }

  /** Slots made so far, removed ones included: a render walks `0 … slots - 1`. */
  get slots(): number { return this.#base.length; }
  protected get epoch(): number { return this.#epoch; }
  /** `a="x",b="y"` of a slot. */
  pairsAt(slot: number): string { return this.labelsAt(slot).slice(1, -1); }
  live(slot: number): boolean { return this.#base[slot] !== undefined; }
  /** `{a="x",b="y"}` of a live slot. */
  protected labelsAt(slot: number): string { return braced(this.#base[slot] as string, this.#rest[slot] as string); }

  /** A new slot's numbers at zero. */
  protected abstract open(slot: number): void;
  /** Moves slot `from`'s numbers to `to` (packing, `to` < `from`) and truncates after `length`. */
  protected abstract move(from: number, to: number): void;
  protected abstract truncate(length: number): void;
  /** The slot's lines, each ending in a newline. */
  abstract lines(slot: number): string;
  /** How many lines `lines` writes for one series. */
  abstract get linesPerSeries(): number;

  /** The slot of the series with these labels, made when `create` and missing; else -1. */
  protected find(labels: Labels, create: boolean): number {
    const names = this.def.labels;
    const base = pairsOf(names, 0, this.#split, labels);
    const rest = pairsOf(names, this.#split, names.length, labels);
    const at = this.#index.get(base);
    if (at !== undefined) {
      if (typeof at === 'number') {
        if (this.#rest[at] === rest) return at;
      } else {
        for (const slot of at) if (this.#rest[slot] === rest) return slot;
      }
    }
    if (!create) return -1;
    const slot = this.#base.length;
    const texts = this.shared.texts;
    const b = texts.take(base);
    this.#base.push(b);
    this.#rest.push(rest ? texts.take(rest) : '');
    this.open(slot);
    this.#index.set(b, at === undefined ? slot : withSlot(at, slot));
    return slot;
  }

  remove(labels: Labels): void {
    const slot = this.find(labels, false);
    if (slot < 0) return;
    const base = this.#base[slot] as string;
    const at = this.#index.get(base) as number | number[];
    if (typeof at === 'number') this.#index.delete(base);
    else {
      const others = at.filter((s) => s !== slot);
      this.#index.set(base, others.length === 1 ? others[0] as number : others);
    }
    this.#free(slot);
    this.#maybePack();
  }

  reset(): void {
    for (let slot = 0; slot < this.#base.length; slot++) if (this.#base[slot] !== undefined) this.#free(slot);
    this.#index.clear();
    this.#maybePack();
  }

  #free(slot: number): void {
    const texts = this.shared.texts;
    texts.drop(this.#base[slot] as string);
    const rest = this.#rest[slot] as string;
    if (rest) texts.drop(rest);
    this.#base[slot] = undefined;
    this.#rest[slot] = '';
    this.#holes += 1;
  }

  #maybePack(): void {
    const holes = this.#holes;
    if (this.shared.rendering > 0 || holes < HOLES_BEFORE_PACKING || holes < this.#base.length - holes) return;
    const index = new Map<string, number | number[]>();
    let to = 0;
    for (let from = 0; from < this.#base.length; from++) {
      const base = this.#base[from];
      if (base === undefined) continue;
      if (to !== from) {
        this.#base[to] = base;
        this.#rest[to] = this.#rest[from] as string;
        this.move(from, to);
      }
      const at = index.get(base);
      index.set(base, at === undefined ? to : withSlot(at, to));
      to += 1;
    }
    this.#base.length = to;
    this.#rest.length = to;
    this.truncate(to);
    this.#index = index;
    this.#holes = 0;
    this.#epoch += 1;
  }
}

/**
 * A scalar series a caller keeps (`at`): its slot, read and written in the
 * family's column, valid while `holds` says so (not after the series was
 * removed or reset, nor after the family packed its slots).
 */
export class ScalarSeries {
  constructor(readonly family: ScalarFamily, readonly slot: number, readonly epoch: number) {}
  get pairs(): string { return this.family.pairsAt(this.slot); }
  get value(): number { return this.family.valueAt(this.slot); }
  set value(v: number) { this.family.setValueAt(this.slot, v); }
}

abstract class ScalarFamily extends Family {
  /** Per slot (a double array: eight bytes a series). */
  readonly #values: number[] = [];
  /**
   * The series of `labels`, created when missing. A caller may keep it and
   * update it in place while `holds` says the family still has it (a removed
   * or reset series is a new one when it comes back).
   */
  at(labels: Labels): ScalarSeries { return new ScalarSeries(this, this.find(labels, true), this.epoch); }
  holds(s: ScalarSeries): boolean { return s.family === this && s.epoch === this.epoch && this.live(s.slot); }
  valueAt(slot: number): number { return this.#values[slot] as number; }
  setValueAt(slot: number, v: number): void { this.#values[slot] = v; }
  protected open(slot: number): void { this.#values[slot] = 0; }
  protected move(from: number, to: number): void { this.#values[to] = this.#values[from] as number; }
  protected truncate(length: number): void { this.#values.length = length; }
  get linesPerSeries(): number { return 1; }
  lines(slot: number): string { return `${this.def.name}${this.labelsAt(slot)} ${formatValue(this.#values[slot] as number)}\n`; }
  /** The value of one series, undefined when it does not exist. */
  get(labels: Labels): number | undefined {
    const slot = this.find(labels, false);
    return slot < 0 ? undefined : this.#values[slot];
  }
  protected add(labels: Labels, by: number): void { (this.#values[this.find(labels, true)] as number) += by; }
  protected put(labels: Labels, value: number): void { this.#values[this.find(labels, true)] = value; }
}

export class CounterFamily extends ScalarFamily {
  inc(labels: Labels, by = 1): void {
    if (!(by >= 0)) throw new TypeError(`${this.def.name}: a counter only goes up (got ${by})`);
    this.add(labels, by);
  }
}

export class GaugeFamily extends ScalarFamily {
  set(labels: Labels, value: number): void { this.put(labels, value); }
}

/** A histogram series' numbers; the object a caller keeps (`at`), at its slot while the family holds it. */
export interface HistogramSeries { readonly pairs: string; readonly counts: number[]; sum: number; count: number }
class HistogramData implements HistogramSeries {
  sum = 0;
  count = 0;
  constructor(readonly family: HistogramFamily, public slot: number, readonly counts: number[]) {}
  get pairs(): string { return this.family.pairsAt(this.slot); }
}

export class HistogramFamily extends Family {
  readonly bounds: readonly number[];
  readonly #le: readonly string[];
  readonly #data: (HistogramData | undefined)[] = [];
  constructor(def: MetricShape, shared: Shared) {
    super(def, shared);
    this.bounds = [...(def.buckets ?? [])];
    this.#le = this.bounds.map(formatValue);
  }
  protected open(slot: number): void { this.#data[slot] = new HistogramData(this, slot, new Array<number>(this.bounds.length).fill(0)); }
  protected move(from: number, to: number): void {
    const d = this.#data[from] as HistogramData;
    d.slot = to;
    this.#data[to] = d;
  }
  /** As `ScalarFamily.at`: the series of `labels`, kept by a caller while `holds` says so. */
  at(labels: Labels): HistogramSeries { return this.#data[this.find(labels, true)] as HistogramData; }
  holds(s: HistogramSeries): boolean { return s instanceof HistogramData && this.#data[s.slot] === s && this.live(s.slot); }
  protected truncate(length: number): void { this.#data.length = length; }
  get linesPerSeries(): number { return this.bounds.length + 3; }
  lines(slot: number): string {
    const s = this.#data[slot] as HistogramData;
    const name = this.def.name;
    const braces = this.labelsAt(slot);
    const tail = braces ? `,${braces.slice(1)}` : '}';
    let text = '';
    let cum = 0;
    for (let i = 0; i < this.#le.length; i++) {
      cum += s.counts[i] as number;
      text += `${name}_bucket{le="${this.#le[i]}"${tail} ${cum}\n`;
    }
    return `${text}${name}_bucket{le="+Inf"${tail} ${s.count}\n${name}_sum${braces} ${formatValue(s.sum)}\n${name}_count${braces} ${s.count}\n`;
  }
  observe(labels: Labels, value: number): void {
    if (!Number.isFinite(value)) throw new TypeError(`${this.def.name}: not a finite number: ${value}`);
    this.observeAt(this.#data[this.find(labels, true)] as HistogramData, value);
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
    const s = this.#data[this.find(labels, true)] as HistogramData;
    s.counts.fill(0);
    s.sum = 0;
    s.count = 0;
  }
  get(labels: Labels): { readonly counts: readonly number[]; readonly sum: number; readonly count: number } | undefined {
    const slot = this.find(labels, false);
    return slot < 0 ? undefined : this.#data[slot];
  }
}

export type AnyFamily = CounterFamily | GaugeFamily | HistogramFamily;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export class MetricStore {
  static readonly contentType = 'text/plain; version=0.0.4; charset=utf-8';
  readonly #families = new Map<string, AnyFamily>();
  readonly #shared: Shared = { texts: new LabelTexts(), rendering: 0 };

  add(def: MetricShape): AnyFamily {
    if (this.#families.has(def.name)) throw new Error(`metric ${def.name} is already registered`);
    const f = def.type === 'counter' ? new CounterFamily(def, this.#shared) : def.type === 'gauge' ? new GaugeFamily(def, this.#shared) : new HistogramFamily(def, this.#shared);
    this.#families.set(def.name, f);
    return f;
  }

  family(name: string): AnyFamily | undefined { return this.#families.get(name); }

  /**
   * The page in pieces of at most about `chunkLines` lines (and
   * `PIECE_CHARS` characters), yielding to the event loop (setImmediate)
   * every `chunkLines` lines, so timers and sockets are served while a
   * large page is written.
   */
  async *chunks(chunkLines = CHUNK_LINES): AsyncGenerator<string> {
    // While a render walks the slots, removals leave holes rather than renumbering them.
    this.#shared.rendering += 1;
    try {
      let text = '';
      let lines = 0;
      let first = true;
      for (const f of this.#families.values()) {
        f.collect?.();
        text += `${first ? '' : '\n'}${familyHeader(f.def.name, f.def.help, f.def.type)}`;
        first = false;
        const per = f.linesPerSeries;
        // `f.slots` is read on every turn: a series made between pieces is written too, a removed one skipped.
        for (let slot = 0; slot < f.slots; slot++) {
          if (!f.live(slot)) continue;
          text += f.lines(slot);
          lines += per;
          if (lines >= chunkLines) {
            yield text;
            text = '';
            lines = 0;
            await yieldToLoop();
          } else if (text.length >= PIECE_CHARS) {
            yield text;
            text = '';
          }
        }
      }
      if (text) yield text;
    } finally {
      this.#shared.rendering -= 1;
    }
  }

  /** Distinct label texts held (tests: a removed series gives its texts back). */
  get labelTexts(): number { return this.#shared.texts.size; }

  /** The whole page as one string (tests, and the single-probe benchmark's one scrape). */
  async metrics(): Promise<string> {
    let out = '';
    for await (const c of this.chunks()) out += c;
    return out;
  }
}
