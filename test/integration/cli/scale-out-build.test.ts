/**
 * `hookwatch build` with `scale_out`: the agent-mode prometheus.yml of each
 * region and replica passes `promtool check config --agent` (the ordinary
 * prometheus.yml does not: agent mode refuses rule_files and alerting),
 * alertmanager.yml passes amtool, and vmalert accepts its flags with the
 * generated rules (`-dryRun`). The settings that were wrong by default for
 * this topology are checked value by value.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFiles } from '../../../cli/build-files.js';
import { peerTimeout, readArgs } from '../../../cli/topology/index.js';
import { configErrors, configFromYaml } from '../../support/config.js';
import { tool } from '../../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'hookwatch-scale-out-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOPOLOGY = `
scale_out:
  remote_write: { url: "http://vm:8428/api/v1/write", bearer_token_file: ${dir}/rw_token }
  query_url: http://vm:8428
  rules_dir: ${dir}/out/prometheus/rules
  alertmanager_config: ${dir}/out/alertmanager/alertmanager.yml
  external_url: https://alerts.example.com
  alertmanagers:
    - { url: "http://am-1:9093", cluster_address: "am-1:9094" }
    - { url: "http://am-2:9093", cluster_address: "am-2:9094" }
  regions:
    - name: eu
      replicas:
        - { name: a, probers: ["p-eu-a:9468"], exporters: ["x-eu:9469"] }
        - { name: b, probers: ["p-eu-b:9468"] }
    - name: us
      replicas: [{ name: a, probers: ["p-us-0:9468", "p-us-1:9468"] }]
`;
const BASE = `
endpoints:
  - { name: a, url: "https://a.example.com/hook" }
notify:
  slack: { api_url_file: ${dir}/slack_url, channel: "#x" }
  group_interval: 4s
alerts: { scrape_interval: 2s, evaluation_interval: 5s }
`;

function build(yaml: string): Record<string, string> {
  const files = buildFiles(configFromYaml(yaml));
  for (const f of files) {
    mkdirSync(dirname(join(dir, 'out', f.path)), { recursive: true });
    writeFileSync(join(dir, 'out', f.path), f.content);
  }
  return Object.fromEntries(files.map((f) => [f.path, f.content]));
}
const run = (name: Parameters<typeof tool>[0], args: string[]) => {
  const r = spawnSync(tool(name), args, { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

describe('hookwatch build: scale_out', () => {
  writeFileSync(join(dir, 'rw_token'), 's3cr3t-rw-token\n');
  writeFileSync(join(dir, 'slack_url'), 'https://hooks.slack.example.com/x\n');
  const files = build(BASE + TOPOLOGY);
  const agents = Object.keys(files).filter((p) => /^scale-out\/agent-[^/]+\/prometheus\.yml$/.test(p)).sort();

  it('writes one agent per region and replica, and the central flags', () => {
    expect(agents).toEqual(['scale-out/agent-eu-a/prometheus.yml', 'scale-out/agent-eu-b/prometheus.yml', 'scale-out/agent-us-a/prometheus.yml']);
    expect(Object.keys(files).filter((p) => p.endsWith('.args')).sort()).toEqual([
      'scale-out/agent-eu-a/prometheus.args', 'scale-out/agent-eu-b/prometheus.args', 'scale-out/agent-us-a/prometheus.args',
      'scale-out/alertmanager-1.args', 'scale-out/alertmanager-2.args', 'scale-out/victoria-metrics.args', 'scale-out/vmalert.args',
    ]);
    // Without scale_out nothing of it is written.
    expect(Object.keys(build(BASE)).filter((p) => p.startsWith('scale-out/'))).toEqual([]);
  });

  it('each agent config passes promtool check config --agent; the ordinary prometheus.yml is refused in agent mode', () => {
    for (const a of agents) {
      const r = run('promtool', ['check', 'config', '--agent', join(dir, 'out', a)]);
      expect(r.status, r.out).toBe(0);
    }
    const ordinary = run('promtool', ['check', 'config', '--agent', join(dir, 'out/prometheus/prometheus.yml')]);
    expect(ordinary.status).not.toBe(0);
    expect(ordinary.out).toMatch(/not allowed in agent mode/);
  });

  it('the agent sets only the replica label (the prober\'s region is the source of truth) and reads its credentials from a file', () => {
    const doc = parse(files['scale-out/agent-eu-b/prometheus.yml']!) as Record<string, any>;
    expect(doc.global).toEqual({ scrape_interval: '2s', external_labels: { replica: 'b' } });
    expect(doc.rule_files).toBeUndefined();
    expect(doc.alerting).toBeUndefined();
    expect(doc.remote_write).toEqual([{ url: 'http://vm:8428/api/v1/write', authorization: { type: 'Bearer', credentials_file: `${dir}/rw_token` }, queue_config: { batch_send_deadline: '5s', max_backoff: '2s', min_shards: 4, max_samples_per_send: 2000 } }]);
    expect(files['scale-out/agent-eu-b/prometheus.yml']).not.toContain('s3cr3t');
    expect(readArgs(files['scale-out/agent-eu-a/prometheus.args']!)).toEqual(['--enable-feature=agent', '--storage.remote.flush-deadline=2s']);
  });

  it('vmalert -dryRun accepts its flags with the generated rules', () => {
    const args = readArgs(files['scale-out/vmalert.args']!);
    expect(args).toEqual([
      `-rule=${dir}/out/prometheus/rules/hookwatch-recording.yml`, `-rule=${dir}/out/prometheus/rules/hookwatch-alerts.yml`,
      '-datasource.url=http://vm:8428', `-datasource.bearerTokenFile=${dir}/rw_token`, '-datasource.queryStep=2m', '-evaluationInterval=5s',
      '-remoteWrite.url=http://vm:8428', `-remoteWrite.bearerTokenFile=${dir}/rw_token`, '-remoteRead.url=http://vm:8428', `-remoteRead.bearerTokenFile=${dir}/rw_token`,
      '-notifier.url=http://am-1:9093', '-notifier.url=http://am-2:9093', '-rule.resendDelay=30s', '-external.url=https://alerts.example.com',
    ]);
    // The query step is scale_out.outage_tolerance (a store outage shorter than it resolves nothing), never under 3 scrapes.
    const step = (tolerance: string) => readArgs(build(BASE + TOPOLOGY.replace('  alertmanagers:', `  outage_tolerance: ${tolerance}\n  alertmanagers:`))['scale-out/vmalert.args']!).find((a) => a.startsWith('-datasource.queryStep='));
    expect([step('90s'), step('1s')]).toEqual(['-datasource.queryStep=1m30s', '-datasource.queryStep=6s']);
    build(BASE + TOPOLOGY);
    const r = run('vmalert', ['-dryRun', ...args]);
    expect(r.status, r.out).toBe(0);
    // And it fails on a broken rule file, so the check is real.
    writeFileSync(join(dir, 'broken.yml'), 'groups: [{ name: x, rules: [{ alert: X, expr: "sum(" }] }]\n');
    expect(run('vmalert', ['-dryRun', ...args, `-rule=${dir}/broken.yml`]).status).not.toBe(0);
  });

  it('amtool accepts alertmanager.yml; the cluster flags keep peer-timeout well below group_interval', () => {
    const r = run('amtool', ['check-config', join(dir, 'out/alertmanager/alertmanager.yml')]);
    expect(r.status, r.out).toBe(0);
    expect(readArgs(files['scale-out/alertmanager-2.args']!)).toEqual([
      `--config.file=${dir}/out/alertmanager/alertmanager.yml`, '--cluster.listen-address=am-2:9094', '--cluster.peer=am-1:9094',
      '--cluster.peer-timeout=1s', '--cluster.settle-timeout=2s', '--web.external-url=https://alerts.example.com',
    ]);
    expect(peerTimeout(configFromYaml(BASE.replace('group_interval: 4s', 'group_interval: 5m') + TOPOLOGY), configFromYaml(BASE + TOPOLOGY).scaleOut!).seconds).toBe(15);
    expect(readArgs(files['scale-out/victoria-metrics.args']!)).toEqual(['-search.latencyOffset=2s']);
  });

  it('refuses a topology that would double-count or is ambiguous, one line per problem', () => {
    const bad = `endpoints: [{ name: a, url: "https://a.example.com/" }]
scale_out:
  remote_write: { url: "http://vm:8428/api/v1/write", bearer_token_file: /t, basic_auth: { username: u, password_file: /p } }
  query_url: http://vm:8428
  alertmanagers: [{ url: "http://am:9093", cluster_address: "am:9094" }]
  regions:
    - { name: eu, replicas: [{ name: a, exporters: ["x:9469"] }, { name: a, exporters: ["x:9469"] }] }
    - { name: eu, replicas: [{ name: a }] }
`;
    expect(configErrors(bad)).toEqual([
      expect.stringMatching(/^hookwatch\.yaml:3:\d+ scale_out\.remote_write\.basic_auth: .*either bearer_token_file or basic_auth, not both/),
      'hookwatch.yaml:8:15 scale_out.regions[1].name: got "eu", expected a unique region name (regions[0].name is already "eu")',
      'hookwatch.yaml:7:74 scale_out.regions[0].replicas[1].name: got "a", expected a unique replica name in the region (regions[0].replicas[0].name is already "a")',
      'hookwatch.yaml:7:89 scale_out.regions[0].replicas[1].exporters[0]: got "x:9469", expected a unique exporter address: two agents scraping one exporter, like two exporters on one log, count every delivery twice (regions[0].replicas[0].exporters[0] is already "x:9469")',
    ]);
  });
});
