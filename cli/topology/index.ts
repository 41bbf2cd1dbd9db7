/**
 * The scale-out topology's files (`scale_out` in the config), under
 * `scale-out/`: an agent-mode prometheus.yml and its flags per region and
 * replica, vmalert's, VictoriaMetrics' and each clustered Alertmanager's
 * flags. Nothing is written without `scale_out`.
 */
import type { Config } from '../../config/index.js';
import type { GeneratedFile } from '../../output/index.js';
import { agentFiles } from './agent.js';
import { centralFiles } from './central.js';

export { SCALE_OUT_DIR, readArgs } from './args.js';
export { REPLICA_LABEL, agentDir } from './agent.js';
export { peerTimeout } from './central.js';

export function topologyFiles(config: Config): GeneratedFile[] {
  const s = config.scaleOut;
  return s ? [...agentFiles(config, s), ...centralFiles(config, s)] : [];
}
