/**
 * Entry file of the `export --once` worker thread (see ./in-worker.ts).
 * A worker entry runs on load by nature; this, ./range-worker.ts and
 * ./backfill-worker.ts are the only exporter modules that do, and nothing
 * imports them.
 */
import { runWorkerJob } from './in-worker.js';

await runWorkerJob();
