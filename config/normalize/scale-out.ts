/** `scale_out` → ScaleOutConfig: defaults applied, secret-file paths resolved like every other path. */
import { SCALE_OUT_DEFAULTS } from '../defaults.js';
import type { RawConfig } from '../schema/root.js';
import type { ScaleOutConfig } from '../types.js';

export function normalizeScaleOut(raw: NonNullable<RawConfig['scale_out']>, path: (p: string) => string): ScaleOutConfig {
  const rw = raw.remote_write;
  return {
    remoteWrite: {
      url: rw.url,
      ...(rw.bearer_token_file ? { bearerTokenFile: path(rw.bearer_token_file) } : {}),
      ...(rw.basic_auth ? { basicAuth: { username: rw.basic_auth.username, passwordFile: path(rw.basic_auth.password_file) } } : {}),
      headers: rw.headers,
      batchSendDeadline: rw.batch_send_deadline ?? SCALE_OUT_DEFAULTS.batchSendDeadline,
      flushDeadline: rw.flush_deadline ?? SCALE_OUT_DEFAULTS.flushDeadline,
    },
    queryUrl: raw.query_url,
    rulesWriteUrl: raw.rules_write_url ?? raw.query_url,
    rulesDir: raw.rules_dir,
    alertmanagerConfig: raw.alertmanager_config,
    ...(raw.external_url ? { externalUrl: raw.external_url } : {}),
    storeLatencyOffset: raw.store_latency_offset ?? SCALE_OUT_DEFAULTS.storeLatencyOffset,
    outageTolerance: raw.outage_tolerance ?? SCALE_OUT_DEFAULTS.outageTolerance,
    alertmanagers: raw.alertmanagers.map((a) => ({ url: a.url, clusterAddress: a.cluster_address })),
    regions: raw.regions.map((r) => ({ name: r.name, replicas: r.replicas.map((x) => ({ name: x.name, probers: x.probers, exporters: x.exporters })) })),
  };
}
