/**
 * The exporter: delivery log lines → exact Prometheus metrics. A line
 * travels sources/ → records/ → counting/ → state/ → exposition/; run/
 * wires the stages into the daemon, `--once` and backfill. Everything
 * outside the exporter imports it from here.
 */
export { missingSources, settingsFrom, sourceProblems, type ExporterSettings } from './run/settings.js';
export { startDaemon, type Daemon, type DaemonOptions } from './run/daemon.js';
export { runOnce, type OnceOptions } from './run/once.js';
export { runOnceInWorker } from './run/in-worker.js';
export { backfill, type BackfillOptions, type BackfillResult } from './run/backfill.js';
export { CheckpointError } from './state/checkpoint.js';
export { deliveryTotals, type EndpointDeliveryTotals } from './state/figures.js';
export { Engine } from './counting/engine.js';
export { renderExposition } from './exposition/render.js';
