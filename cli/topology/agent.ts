/**
 * One Prometheus 2.42 agent per region and replica: it scrapes that
 * replica's probers (and exporters) and remote-writes to the central store.
 * Agent mode refuses `rule_files` and `alerting`, so the file has neither:
 * rules run centrally in vmalert. The only external label is `replica`: the
 * probers set `region` themselves (an external label never overrides a label
 * the target already has), so the prober's `prober.region` is the one
 * source of truth and nothing here can contradict it.
 */
import { basename } from 'node:path';
import { JOBS } from '../../catalog/index.js';
import { formatDuration, type Config, type ScaleOutConfig } from '../../config/index.js';
import { renderYaml, type GeneratedFile } from '../../output/index.js';
import { SCALE_OUT_DIR, argsFile } from './args.js';

/** The label each agent adds to every series: what tells HA twins apart. */
export const REPLICA_LABEL = 'replica';

/** Prometheus' own `queue_config.max_backoff`. */
const MAX_BACKOFF = 5;
const CATCH_UP = { minShards: 4, samplesPerSend: 2000 } as const;

type Region = ScaleOutConfig['regions'][number];
type Replica = Region['replicas'][number];

export const agentDir = (region: string, replica: string): string => `${SCALE_OUT_DIR}/agent-${region}-${replica}`;

export function agentConfig(config: Config, s: ScaleOutConfig, replica: Replica): object {
  const job = (name: string, targets: readonly string[]) => ({ job_name: name, static_configs: [{ targets: [...targets] }] });
  const rw = s.remoteWrite;
  return {
    global: {
      scrape_interval: config.alerts.scrapeInterval.text,
      external_labels: { [REPLICA_LABEL]: replica.name },
    },
    scrape_configs: [
      ...(replica.probers.length ? [job(JOBS.prober, replica.probers)] : []),
      ...(replica.exporters.length ? [job(JOBS.exporter, replica.exporters)] : []),
    ],
    remote_write: [{
      url: rw.url,
      ...(rw.bearerTokenFile ? { authorization: { type: 'Bearer', credentials_file: rw.bearerTokenFile } } : {}),
      ...(rw.basicAuth ? { basic_auth: { username: rw.basicAuth.username, password_file: rw.basicAuth.passwordFile } } : {}),
      ...(Object.keys(rw.headers).length ? { headers: { ...rw.headers } } : {}),
      // After a store outage the newest samples arrive only once the backlog is resent, and
      // until then vmalert sees nothing and resolves what still fires. So retries wait at most a
      // scrape interval (5s by default), and 4 shards of 2000 samples (1 and 500 by default)
      // resend a minute's backlog of a few thousand series in well under a second.
      queue_config: {
        batch_send_deadline: rw.batchSendDeadline.text,
        max_backoff: formatDuration(Math.min(config.alerts.scrapeInterval.seconds, MAX_BACKOFF)),
        min_shards: CATCH_UP.minShards,
        max_samples_per_send: CATCH_UP.samplesPerSend,
      },
    }],
  };
}

/** The agent's flags besides its paths and listen address. */
export function agentArgs(s: ScaleOutConfig): string[] {
  return ['--enable-feature=agent', `--storage.remote.flush-deadline=${s.remoteWrite.flushDeadline.text}`];
}

export function agentFiles(config: Config, s: ScaleOutConfig): GeneratedFile[] {
  const source = basename(config.file);
  return s.regions.flatMap((r) => r.replicas.flatMap((x) => {
    if (!x.probers.length && !x.exporters.length) throw new Error(`${source}: scale_out.regions ${r.name} replica ${x.name}: no probers or exporters to scrape`);
    const dir = agentDir(r.name, x.name);
    return [
      { path: `${dir}/prometheus.yml`, content: renderYaml(agentConfig(config, s, x), source) },
      argsFile(`${dir}/prometheus.args`, agentArgs(s), source, `prometheus --config.file=${dir}/prometheus.yml --storage.agent.path=DIR`),
    ];
  }));
}

