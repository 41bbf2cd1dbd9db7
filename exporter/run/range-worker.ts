/**
 * Entry file of the parallel `export --once` worker threads (see
 * ./parallel.ts). A worker entry runs on load by nature; nothing imports it.
 */
import { runRangeWorker } from './parallel.js';

runRangeWorker();
