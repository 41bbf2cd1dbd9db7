/**
 * Entry file of the `export --once` worker thread (see ./in-worker.ts).
 * A worker entry runs on load by nature; this is the only exporter module
 * that does, and nothing imports it.
 */
import { runWorkerJob } from './in-worker.js';

await runWorkerJob();
