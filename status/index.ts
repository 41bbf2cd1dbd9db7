/**
 * The status page: `/` (HTML), `/api/status` (JSON), `/api/events` (SSE)
 * and the page's assets, as routes for the prober's HTTP server. Fed by the
 * prober's `onResult`; reads delivery figures from an in-process exporter
 * when one is given.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config/index.js';
import type { ProbeOutcome, ProbeTarget, Route } from '../prober/index.js';
import type { StatusModel } from './api-types.js';
import { DeliveryWindow, type DeliveryFiguresSource } from './delivery.js';
import { EventHub } from './events.js';
import { historyLimits, StatusHistory, type HistoryLimits } from './history.js';
import { buildStatus } from './model.js';
import { assetRoutes } from './page/assets.js';
import { PAGE_CSP, renderPage } from './page/html.js';

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
    this.#hub = new EventHub({ payload: async () => JSON.stringify(await this.model()) });
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

  /** The current status (what `/api/status` returns). */
  async model(): Promise<StatusModel> {
    const source = this.#source;
    if (!source) throw new Error('status page has no prober attached');
    this.#sync();
    if (this.#delivery && this.#delivery.newestAt === undefined) await this.#sample();
    return buildStatus({
      config: source.config, targets: source.targets, history: this.history, now: this.#now(), version: this.#opts.version,
      ...(this.#delivery ? { delivery: this.#delivery } : {}),
    });
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
        const html = renderPage(await this.model());
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff' }).end(html);
      },
      '/api/status': async (req, res) => {
        if (!allowGet(req, res)) return;
        const body = JSON.stringify(await this.model(), null, 2);
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(body);
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

function allowGet(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
  return false;
}
