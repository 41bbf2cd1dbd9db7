/**
 * The central part of the scale-out topology: vmalert (the generated rules,
 * evaluated against the store, alerts to every Alertmanager), the
 * VictoriaMetrics single node, and the clustered Alertmanagers. Each setting
 * below was wrong by default for this topology; the comments say why.
 */
import { basename } from 'node:path';
import { ALERT_RULES_FILE, RECORDING_RULES_FILE } from '../../alerts/index.js';
import { duration, formatDuration, SCALE_OUT_DEFAULTS, type Config, type Duration, type ScaleOutConfig } from '../../config/index.js';
import type { GeneratedFile } from '../../output/index.js';
import { SCALE_OUT_DIR, argsFile } from './args.js';

const QUERY_STEP_SCRAPES = 3;
const longer = (a: Duration, b: Duration): Duration => (a.seconds >= b.seconds ? a : b);
const trim = (url: string) => url.replace(/\/$/, '');

export function vmalertArgs(config: Config, s: ScaleOutConfig): string[] {
  const rules = [RECORDING_RULES_FILE, ALERT_RULES_FILE].map((f) => `-rule=${trim(s.rulesDir)}/${basename(f)}`);
  const auth = (prefix: string) => {
    const rw = s.remoteWrite;
    if (rw.bearerTokenFile) return [`-${prefix}.bearerTokenFile=${rw.bearerTokenFile}`];
    if (rw.basicAuth) return [`-${prefix}.basicAuth.username=${rw.basicAuth.username}`, `-${prefix}.basicAuth.passwordFile=${rw.basicAuth.passwordFile}`];
    return [];
  };
  return [
    ...rules,
    `-datasource.url=${s.queryUrl}`,
    ...auth('datasource'),
    // How old a sample may be and still count: scale_out.outage_tolerance, at least three scrape
    // intervals. After a store outage vmalert evaluates before the agents have resent the newest
    // samples (they resend their WAL oldest first); a look-behind shorter than the outage then finds
    // nothing and resolves every firing alert on recovery. A prober that dies behind a live agent
    // ends at once (the agent writes staleness markers); a dead agent's region counts this long.
    `-datasource.queryStep=${formatDuration(Math.max(QUERY_STEP_SCRAPES * config.alerts.scrapeInterval.seconds, s.outageTolerance.seconds))}`,
    `-evaluationInterval=${config.alerts.evaluationInterval.text}`,
    // Recording rules and alert state; refused at start without it.
    `-remoteWrite.url=${s.rulesWriteUrl}`,
    ...auth('remoteWrite'),
    // Restores alert state after a restart: no second notification.
    `-remoteRead.url=${s.queryUrl}`,
    ...auth('remoteRead'),
    // Every Alertmanager gets every alert; the cluster sends each notification once.
    ...s.alertmanagers.map((a) => `-notifier.url=${a.url}`),
    // Firing alerts are re-sent this often and held for 4 times as long: a store outage shorter than that resolves nothing.
    `-rule.resendDelay=${longer(SCALE_OUT_DEFAULTS.resendDelay, config.alerts.evaluationInterval).text}`,
    ...(s.externalUrl ? [`-external.url=${s.externalUrl}`] : []),
  ];
}

export function victoriaMetricsArgs(s: ScaleOutConfig): string[] {
  // The 30s default delays every evaluation by 30s.
  return [`-search.latencyOffset=${s.storeLatencyOffset.text}`];
}

/**
 * `--cluster.peer-timeout`: the n-th Alertmanager waits n × this before it
 * notifies, so a longer wait than `group_interval` makes resolves flap
 * (RESOLVED → FIRING → RESOLVED, alertmanager#4008). Kept under
 * group_interval ÷ (2 × peers), and never above Alertmanager's 15s.
 */
export function peerTimeout(config: Config, s: ScaleOutConfig): Duration {
  const share = Math.floor((config.notify.groupInterval.seconds * 1000) / (2 * s.alertmanagers.length)) / 1000;
  return share >= SCALE_OUT_DEFAULTS.peerTimeout.seconds ? SCALE_OUT_DEFAULTS.peerTimeout : duration(Math.max(share, 0.1));
}

export function alertmanagerArgs(config: Config, s: ScaleOutConfig, index: number): string[] {
  const me = s.alertmanagers[index]!;
  return [
    `--config.file=${s.alertmanagerConfig}`,
    `--cluster.listen-address=${me.clusterAddress}`,
    ...s.alertmanagers.filter((_, i) => i !== index).map((p) => `--cluster.peer=${p.clusterAddress}`),
    `--cluster.peer-timeout=${formatDuration(peerTimeout(config, s).seconds)}`,
    `--cluster.settle-timeout=${SCALE_OUT_DEFAULTS.settleTimeout.text}`,
    ...(s.externalUrl ? [`--web.external-url=${s.externalUrl}`] : []),
  ];
}

export function centralFiles(config: Config, s: ScaleOutConfig): GeneratedFile[] {
  const source = basename(config.file);
  const headerNote = Object.keys(s.remoteWrite.headers).length
    ? [`vmalert 1.79 cannot send remote_write.headers (${Object.keys(s.remoteWrite.headers).join(', ')}): with Mimir, run the rules in its ruler instead (README "Scaling out")`]
    : [];
  return [
    argsFile(`${SCALE_OUT_DIR}/vmalert.args`, vmalertArgs(config, s), source, 'vmalert', headerNote),
    argsFile(`${SCALE_OUT_DIR}/victoria-metrics.args`, victoriaMetricsArgs(s), source, 'victoria-metrics -storageDataPath=DIR'),
    ...s.alertmanagers.map((_, i) => argsFile(`${SCALE_OUT_DIR}/alertmanager-${i + 1}.args`, alertmanagerArgs(config, s, i), source, 'alertmanager --storage.path=DIR')),
  ];
}
