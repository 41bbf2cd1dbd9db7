/**
 * The prober: runs every enabled check of every endpoint on its schedule,
 * records results as metrics, reloads without losing the series of
 * endpoints that stay, and drains running probes on stop.
 */
import { randomFillSync } from 'node:crypto';
import type { Config } from '../config/index.js';
import type { Logger } from '../daemon/index.js';
import { runCheck } from './checks/guarded.js';
import { windowActive } from './maintenance.js';
import { ProberMetrics } from './metrics.js';
import { FIRST_RUN_SPREAD_MS, Scheduler } from './scheduler.js';

/** See `firstRunWindowMs`. */
const FIRST_RUN_MS_PER_TARGET = 10;
import { buildTargets, targetKey } from './targets.js';
import type { ProbeEnv, ProbeOutcome, ProbeTarget } from './types.js';

export interface ProberOptions {
  readonly version: string;
  /** Wall clock in unix seconds. */
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Called with every result (status page history, --once output). */
  readonly onResult?: (o: ProbeOutcome, target: ProbeTarget) => void;
  /** One line per state change (up/down) and per skipped probe. */
  readonly log?: Logger;
  readonly readFile?: (path: string) => string;
}

export class Prober {
  readonly metrics: ProberMetrics;
  #config: Config;
  #targets: ProbeTarget[];
  /** `targetKey` and region of every current target: a probe that finishes after its target left records nothing. */
  #current = new Set<string>();
  readonly #scheduler = new Scheduler();
  readonly #sequence = new Map<string, number>();
  readonly #lastSuccess = new Map<string, boolean>();
  readonly #opts: ProberOptions;
  readonly #nowSeconds: () => number;
  readonly #newId: () => string;
  #started = false;

  constructor(config: Config, opts: ProberOptions) {
    this.#opts = opts;
    this.#nowSeconds = opts.now ?? (() => Date.now() / 1000);
    this.#newId = opts.newId ?? (() => `msg_hw_${randomHex16()}`);
    this.#config = config;
    // The mode and buckets are the first config's: a histogram's buckets cannot change while it is served.
    this.metrics = new ProberMetrics(opts.version, { mode: config.prober.metrics, durationBuckets: config.prober.durationBuckets });
    this.#targets = buildTargets(config, opts.readFile);
    this.#current = currentKeys(this.#targets);
    for (const t of this.#targets) this.metrics.initTarget(t.endpoint.name, t.check.kind, t.region, t.endpoint.metrics);
    this.metrics.maintenanceFrom(() => this.maintenanceAt((opts.now?.() ?? Date.now() / 1000) * 1000));
  }

  /** The configured endpoints, and those inside a maintenance window at `ms` (Unix ms). */
  maintenanceAt(ms: number): { endpoints: readonly string[]; inside: ReadonlySet<string> } {
    const active = this.#config.maintenance.filter((w) => windowActive(w, ms));
    return { endpoints: this.#config.endpoints.map((e) => e.name), inside: new Set(active.flatMap((w) => w.endpoints)) };
  }

  get config(): Config { return this.#config; }
  get targets(): readonly ProbeTarget[] { return this.#targets; }
  get started(): boolean { return this.#started; }

  /** Runs one probe of a target now and records it. */
  async probe(target: ProbeTarget): Promise<ProbeOutcome> {
    const key = targetKey(target.endpoint.name, target.check.kind);
    const sequence = this.#sequence.get(key) ?? 0;
    this.#sequence.set(key, sequence + 1);
    const env: ProbeEnv = { nowSeconds: this.#nowSeconds, newId: this.#newId, sequence };
    const outcome = await runCheck(target, env);
    // Removed by a reload while it ran (or its region changed): its series and history are gone and stay gone.
    if (!this.#current.has(currentKey(target))) return outcome;
    this.metrics.record(outcome, target.region);
    this.#logOutcome(key, outcome);
    this.#opts.onResult?.(outcome, target);
    return outcome;
  }

  /** Every enabled check once, concurrently; for `probe --once`. */
  runOnce(): Promise<ProbeOutcome[]> {
    return Promise.all(this.#targets.map((t) => this.probe(t)));
  }

  start(): void {
    for (const t of this.#targets) this.#schedule(t, true);
    this.#started = true;
  }

  /**
   * Applies a new config: targets that stay keep their series (and are
   * rescheduled with the new settings), removed endpoints lose theirs.
   */
  reload(config: Config): void {
    const buckets = (c: Config) => c.prober.durationBuckets.join(',');
    if (config.prober.metrics !== this.#config.prober.metrics || buckets(config) !== buckets(this.#config)) {
      this.#opts.log?.warn('prober.metrics or its duration buckets changed: kept until restart', { metrics: this.metrics.mode, configured: config.prober.metrics });
    }
    const next = buildTargets(config, this.#opts.readFile);
    const nextKeys = new Set(next.map((t) => targetKey(t.endpoint.name, t.check.kind)));
    const oldModes = new Map(this.#targets.map((t) => [targetKey(t.endpoint.name, t.check.kind), t.endpoint.metrics]));
    const regionChanged = config.prober.region !== this.#config.prober.region;
    for (const t of this.#targets) {
      const key = targetKey(t.endpoint.name, t.check.kind);
      if (!nextKeys.has(key) || regionChanged) void this.#scheduler.remove(key);
    }
    // Endpoints that left the config or this prober's shard lose their series.
    const stayingEndpoints = new Set(regionChanged ? [] : next.map((t) => t.endpoint.name));
    for (const e of this.#config.endpoints) if (!stayingEndpoints.has(e.name)) this.metrics.removeEndpoint(e.name, this.#config.prober.region);
    this.#config = config;
    this.#targets = next;
    this.#current = currentKeys(next);
    for (const t of next) {
      const oldMode = oldModes.get(targetKey(t.endpoint.name, t.check.kind));
      const isNew = regionChanged || oldMode === undefined;
      if (!isNew && oldMode !== t.endpoint.metrics) this.metrics.removeTarget(t.endpoint.name, t.check.kind, t.region);
      if (isNew || oldMode !== t.endpoint.metrics) this.metrics.initTarget(t.endpoint.name, t.check.kind, t.region, t.endpoint.metrics);
      if (this.#started) this.#schedule(t, isNew);
    }
  }

  /** Stops scheduling and waits for running probes to finish. */
  async stop(): Promise<void> {
    this.#started = false;
    await this.#scheduler.stop();
  }

  #schedule(t: ProbeTarget, runNow: boolean): void {
    const endpoint = t.endpoint.name;
    const check = t.check.kind;
    this.#scheduler.add({
      key: targetKey(endpoint, check),
      schedule: t.check.schedule,
      run: async () => {
        try {
          await this.probe(t);
        } catch (err) {
          // A check only throws through a bug; say so rather than let the scheduler drop it.
          this.#opts.log?.error('probe failed', { endpoint, check, error: err instanceof Error ? err.message : String(err) });
        }
      },
      onSkip: () => {
        this.metrics.skipped(endpoint, check);
        this.#opts.log?.warn('probe skipped: previous run still going', { endpoint, check });
      },
      onDrift: (s) => this.metrics.drift(endpoint, check, s),
    }, runNow && firstRunWindowMs(this.#targets.length));
  }

  #logOutcome(key: string, o: ProbeOutcome): void {
    const before = this.#lastSuccess.get(key);
    this.#lastSuccess.set(key, o.success);
    const fields = { endpoint: o.endpoint, check: o.check, result: o.result, status: o.status, duration_seconds: o.durationSeconds.toFixed(3), detail: o.detail };
    // Every result at debug; at info and above only the changes.
    if (before === o.success) this.#opts.log?.debug('probe', fields);
    else if (o.success) this.#opts.log?.info('probe up', fields);
    else this.#opts.log?.warn('probe down', fields);
  }
}

function currentKey(t: ProbeTarget): string {
  return `${targetKey(t.endpoint.name, t.check.kind)}\u0000${t.region}`;
}

function currentKeys(targets: readonly ProbeTarget[]): Set<string> {
  return new Set(targets.map(currentKey));
}

/**
 * How long the first runs at start (or after a reload) are spread over:
 * one second for a few targets, 10 ms more per target beyond that, so a
 * fleet of 20,000 starts over its whole interval instead of opening 20,000
 * connections in one second.
 */
export function firstRunWindowMs(targets: number): number {
  return Math.max(FIRST_RUN_SPREAD_MS, targets * FIRST_RUN_MS_PER_TARGET);
}

/** Random bytes taken 16 at a time from a pool refilled 4 KiB at once (as randomUUID does), so an id costs no system call. */
const ID_POOL = Buffer.alloc(4096);
let idOffset = ID_POOL.length;

/** 32 random hex digits: 128 bits, as many as a UUID's 122 and then some. */
export function randomHex16(): string {
  if (idOffset === ID_POOL.length) {
    randomFillSync(ID_POOL);
    idOffset = 0;
  }
  idOffset += 16;
  return ID_POOL.toString('hex', idOffset - 16, idOffset);
}
