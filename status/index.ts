/**
 * The status page: `/` (HTML), `/api/status` (JSON), `/api/events` (SSE)
 * and the page's assets, as routes for the prober's HTTP server. Fed by the
 * prober's `onResult`; reads delivery figures from an in-process exporter
 * when one is given.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/index.js';
import { writePieces, type ProbeOutcome, type ProbeTarget, type Route } from '../prober/index.js';
import type { StatusModel } from './api-types.js';
import { DeliveryWindow, type DeliveryFiguresSource } from './delivery.js';
import { EventHub } from './events.js';
import { historyLimits, StatusHistory, type HistoryLimits } from './history.js';
import { statusJson } from './json.js';
import { buildStatus, statusParts, type ModelInput } from './model.js';
import { assetRoutes } from './page/assets.js';
import { PAGE_CSP, pageAround, scriptSafe } from './page/html.js';

export type { DeliveryFiguresSource, DeliveryTotals } from './delivery.js';
export type { StatusModel } from './api-types.js';
export { historyLimits, type HistoryLimits } from './history.js';

/** Where the page reads the current targets: the Prober itself fits. */
export interface TargetSource {
  readonly config: Config;
  readonly targets: readonly ProbeTarget[];
}

export interface StatusPageOptions {
  readonly version: string;
  /** Probes kept per endpoint and check (`prober.history_size`) and their total memory (`prober.history_memory_mib`). */
  readonly history: HistoryLimits;
  /** The in-process exporter's delivery totals (`hookwatch up`); omitted for `hookwatch probe`. */
  readonly deliveryFigures?: DeliveryFiguresSource;
  /** Unix seconds (injected for tests). */
  readonly now?: () => number;
}

/** Seconds between exporter samples: often enough for a 5-minute rate, rarely enough to cost nothing. */
const EXPORTER_SAMPLE_SECONDS = 10;
const EXPORTER_TIMEOUT_MS = 2000;

export class StatusPage {
  readonly history: StatusHistory;
  #source: TargetSource | undefined;
  /** The targets array last synced: the Prober replaces it on reload. */
  #synced: readonly ProbeTarget[] | undefined;
  readonly #opts: StatusPageOptions;
  readonly #now: () => number;
  readonly #delivery: DeliveryWindow | undefined;
  readonly #hub: EventHub;
  #sampler: NodeJS.Timeout | undefined;

  constructor(opts: StatusPageOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => Date.now() / 1000);
    this.history = new StatusHistory(opts.history);
    // Built in pieces like /api/status, so a push to open pages never holds the event loop for the whole fleet.
    this.#hub = new EventHub({ payload: async () => {
      let json = '';
      for await (const piece of await this.pieces()) json += piece;
      return json;
    } });
    if (opts.deliveryFigures) {
      this.#delivery = new DeliveryWindow();
      this.#sampler = setInterval(() => void this.#sample(), EXPORTER_SAMPLE_SECONDS * 1000).unref();
    }
  }

  /** Where targets and config come from (the Prober, created after the page because it needs `record`). */
  attach(source: TargetSource): this {
    this.#source = source;
    return this;
  }

  /** The prober's `onResult`. */
  readonly record = (o: ProbeOutcome): void => {
    this.#sync();
    this.history.record(o);
    this.#hub.notify();
  };

  /** The current status (what `/api/status` returns), whole. */
  async model(): Promise<StatusModel> {
    return buildStatus(await this.#input());
  }

  /** The current status as JSON text in pieces (`statusJson`): what `/api/status` writes. */
  async pieces(): Promise<AsyncGenerator<string, void, undefined>> {
    return statusJson(statusParts(await this.#input()));
  }

  async #input(): Promise<ModelInput> {
    const source = this.#source;
    if (!source) throw new Error('status page has no prober attached');
    this.#sync();
    if (this.#delivery && this.#delivery.newestAt === undefined) await this.#sample();
    return {
      config: source.config, targets: source.targets, history: this.history, now: this.#now(), version: this.#opts.version,
      ...(this.#delivery ? { delivery: this.#delivery } : {}),
    };
  }

  /** After a reload: drop rings of removed targets, apply a new history size. */
  #sync(): void {
    const source = this.#source;
    if (!source || source.targets === this.#synced) return;
    this.#synced = source.targets;
    this.history.sync(source.targets, historyLimits(source.config));
  }

  /** Routes to pass to `startMetricsServer`. */
  get routes(): Record<string, Route> {
    return {
      '/': async (req, res) => {
        if (!allowGet(req, res)) return;
        // Written as it is built, like /api/status: the data block is the same JSON, made script-safe piece by piece.
        const parts = statusParts(await this.#input());
        const [before, after] = pageAround(parts.head);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff' });
        res.write(before);
        if (await writePieces(res, scriptSafePieces(statusJson(parts)))) res.end(after);
      },
      '/api/status': async (req, res) => {
        if (!allowGet(req, res)) return;
        const pieces = await this.pieces();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        if (await writePieces(res, pieces)) res.end();
      },
      '/api/events': this.#hub.route,
      ...assetRoutes(),
    };
  }

  /** Stops timers and closes event streams (before the server closes). */
  close(): void {
    clearInterval(this.#sampler);
    this.#hub.close();
  }

  async #sample(): Promise<void> {
    try {
      // A stuck exporter must not hold the page: give up after a while.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('exporter timed out')), EXPORTER_TIMEOUT_MS); });
      const totals = await Promise.race([this.#opts.deliveryFigures!(), timeout]).finally(() => clearTimeout(timer));
      this.#delivery!.add(this.#now(), totals);
    } catch {
      // The exporter is stopping or busy: the page keeps its last figures.
    }
  }
}

async function* scriptSafePieces(pieces: AsyncIterable<string>): AsyncGenerator<string, void, undefined> {
  for await (const piece of pieces) yield scriptSafe(piece);
}

function allowGet(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
  return false;
}
