/** The synthetic prober. */
export { Prober, type ProberOptions } from './prober.js';
export { startMetricsServer, writePieces, type RunningServer, type Route } from './server.js';
export { buildTargets, targetKey } from './targets.js';
export { inShard, shardOf, type Shard } from './shard.js';
export type { ProbeOutcome, ProbeTarget } from './types.js';
export { activeMaintenance, maintenanceMs, windowActive, windowSegments, type ActiveMaintenance } from './maintenance.js';
