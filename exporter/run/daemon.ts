/**
 * `hookwatch export` as a daemon: poll the files, checkpoint on an
 * interval and on every scrape, serve `/metrics` from the last durable
 * checkpoint. Signals are wired by the CLI (SIGHUP → reload, SIGTERM →
 * stop, which writes a final checkpoint).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { LABEL } from '../../catalog/index.js';
import { closeServer, processMetrics, type Logger } from '../../daemon/index.js';
import { deliveryTotals, type EndpointDeliveryTotals } from '../state/figures.js';
import { ExporterRuntime } from './runtime.js';
import { startServer } from './server.js';
import type { ExporterSettings } from './settings.js';
import { handleIngest } from '../sources/http-ingest.js';
import { readInto } from './open.js';
import { renderIndexPage } from './index-page.js';

export interface DaemonOptions {
  readonly version: string;
  readonly log: Logger;
  /** The process's stdin, for `type: stdin` sources. */
  readonly stdin?: Readable;
}

export interface Daemon {
  /** `http://host:port` actually listened on (port 0 resolved). */
  readonly url: string;
  /** Delivery totals per endpoint, read after a checkpoint as a scrape would (the in-process status page). */
  deliveryTotals(): Promise<Map<string, EndpointDeliveryTotals>>;
  /** Applies a reloaded config (counted as a successful reload). */
  reload(next: ExporterSettings): Promise<void>;
  /** Counts a reload whose config was invalid; the running config stays. */
  reloadFailed(): void;
  stop(): Promise<void>;
}

export async function startDaemon(settings: ExporterSettings, opts: DaemonOptions): Promise<Daemon> {
  const rt = await ExporterRuntime.open(settings, { version: opts.version, log: opts.log });
  let stopped = false;
  let ready = false;

  const ingest = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();
  settings.sources.forEach((s) => {
    if (s.type === 'http') {
      const counter = rt.engine.sink(s.name, s);
      const source = { source: s.name };
      ingest.set(s.path, (req, res) => handleIngest(req, res, {
        token: s.token, maxBodyBytes: s.maxBodyBytes, maxLineBytes: settings.maxLineBytes,
        line: counter.line, tooLong: counter.tooLong, keys: rt.ingestKeys(s.name),
        counted: (result) => rt.engine.agg.inc('exporterIngestBatches', { ...source, result }),
        commit: () => rt.commit(),
      }));
    } else if (s.type === 'stdin' && opts.stdin) {
      readInto(rt.engine, s.name, s, opts.stdin, settings.maxLineBytes).catch((err: unknown) => opts.log.error('reading stdin failed', { source: s.name, error: err }));
    }
  });

  const { server, url } = await startServer(settings.listen.host, settings.listen.port, {
    // The process metrics (CPU, memory, event loop) are read live at each
    // scrape from their own registry, after the snapshot: they describe this
    // process, not counted deliveries, so no checkpoint holds them.
    metrics: async () => { await rt.flush(); return rt.snapshot + await processMetrics({ [LABEL.component]: 'exporter' }); },
    ready: () => ready,
    index: () => renderIndexPage(opts.version, rt.sources),
    ingest,
    log: opts.log,
  });

  let pollSeconds = settings.pollSeconds;
  let first = true;
  let backlog = false;
  const loop = (async () => {
    while (!stopped) {
      let more = false;
      try {
        // A large backlog (first poll, or fallen behind) is counted on every core first, then checkpointed.
        if ((first || backlog) && (await rt.catchUp({ stopped: () => stopped }))) tick();
        first = false;
        more = backlog = await rt.pollFiles();
      } catch (err) {
        opts.log.error('reading sources failed', { error: err });
      }
      ready = true;
      // More data waiting: yield only, so scrapes interleave; else wait a poll.
      await sleep(more ? 0 : pollSeconds * 1000);
    }
  })();
  function tick() {
    void rt.flush().catch((err: unknown) => opts.log.error('checkpoint failed', { error: err }));
  }
  let timer = setInterval(tick, settings.checkpointSeconds * 1000);

  return {
    url,
    async deliveryTotals() {
      await rt.flush();
      return deliveryTotals(rt.engine.agg);
    },
    reloadFailed() {
      rt.engine.agg.inc('configReloads', { result: 'failure' });
    },
    async reload(next) {
      await rt.reconfigure(next);
      rt.engine.agg.inc('configReloads', { result: 'success' });
      pollSeconds = next.pollSeconds;
      clearInterval(timer);
      timer = setInterval(tick, next.checkpointSeconds * 1000);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await loop;
      await closeServer(server);
      await rt.close();
    },
  };
}
