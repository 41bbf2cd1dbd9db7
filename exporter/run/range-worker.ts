/**
 * Entry file of the parallel `export --once` worker threads (see
 * ./parallel.ts) and of the daemon's parallel catch-up (./catch-up.ts):
 * counts each piece it is sent into a fresh partial engine
 * (./count-piece.ts) and posts the partial state back. A worker entry runs
 * on load by nature; nothing imports it. It loads only the counting stages
 * (not the config schema or the exposition), so each thread stays small.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { countPiece } from './count-piece.js';
import type { Done, Job, Piece } from './parallel-plan.js';

const job = workerData as Job | undefined;
const port = parentPort;
if (isMainThread || !port || !job?.sources) throw new Error('range-worker: not inside an export --once range worker');
const buf = Buffer.allocUnsafe(1 << 20);
port.on('message', ({ id, piece }: { id: number; piece: Piece }) => {
  port.postMessage(countPiece(job, id, piece, buf) satisfies Done);
});
