/**
 * The Helm chart (deploy/helm/hookwatch) with the real helm 3.17: lint
 * --strict and `helm template` with the default values and every values
 * example the README documents; every rendered object (and every plain
 * manifest) validated against its Kubernetes or prometheus-operator schema;
 * the PrometheusRule's spec through promtool; the dashboard ConfigMaps
 * holding exactly the generated dashboards; and a golden file of the default
 * render (UPDATE_GOLDEN=1 rewrites test/golden/kubernetes/default-render.yaml).
 * No API server runs here: nothing is applied.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtParts } from '../../../cli/kubernetes/parts.js';
import { loadForKubernetes } from '../../../cli/kubernetes/load.js';
import { CHART, helm, objectsOf, renderChart, schemaProblem, type KubeObject } from '../../support/kube.js';
import { ROOT, tool } from '../../support/tools.js';
import { spawnSync } from 'node:child_process';

const EXAMPLES_DIR = join(CHART, 'examples');
const EXAMPLES = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.yaml')).sort();
const VALUES: [string, string[]][] = [['default values', []], ...EXAMPLES.map((f): [string, string[]] => [f, [join(EXAMPLES_DIR, f)]])];
const GOLDEN = join(ROOT, 'test/golden/kubernetes/default-render.yaml');
const TIMEOUT = 180_000;

const built = builtParts(loadForKubernetes(join(ROOT, 'examples/kubernetes.yaml'), {}).config);
const byKind = (objs: KubeObject[], kind: string) => objs.filter((o) => o.kind === kind);
type Rule = { alert?: string; labels?: Record<string, string> };
type Groups = { name: string; rules: Rule[] }[];

/** The rule groups with the chart's added `namespace` label taken off again. */
function withoutNamespaceLabel(groups: Groups): Groups {
  return groups.map((g) => ({ ...g, rules: g.rules.map((r) => {
    if (!r.labels) return r;
    const { namespace: _, ...labels } = r.labels;
    return { ...r, labels };
  }) }));
}

describe('helm chart deploy/helm/hookwatch', () => {
  it('the README documents every values example, and installs with each', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const f of EXAMPLES) expect(readme, f).toContain(`deploy/helm/hookwatch/examples/${f}`);
    expect(EXAMPLES).toEqual(expect.arrayContaining(['single-region.yaml', 'two-region-eu.yaml', 'two-region-us.yaml']));
  });

  it.each(VALUES)('helm lint --strict passes with %s', (_name, files) => {
    const r = helm(['lint', '--strict', CHART, ...files.flatMap((f) => ['-f', f])]);
    expect(r.ok, r.out + r.err).toBe(true);
    expect(r.out).toContain('0 chart(s) failed');
  }, TIMEOUT);

  it.each(VALUES)('every object rendered with %s passes its schema', async (_name, files) => {
    const objs = renderChart('hookwatch', files);
    expect(objs.length).toBeGreaterThan(3);
    const problems = (await Promise.all(objs.map(schemaProblem))).filter(Boolean);
    expect(problems).toEqual([]);
  }, TIMEOUT);

  it('a schema violation is caught (the validation can fail)', async () => {
    const [deploy] = byKind(renderChart('hookwatch'), 'Deployment');
    const broken = structuredClone(deploy!) as unknown as { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    expect(await schemaProblem(broken as unknown as KubeObject)).toMatch(/replicas must be integer/);
    expect(await schemaProblem({ apiVersion: 'v9', kind: 'Nope', metadata: { name: 'x' } })).toMatch(/no schema known/);
  }, TIMEOUT);

  it('the PrometheusRule holds exactly the generated rule groups, plus the namespace label, and passes promtool check rules', () => {
    const [rule] = byKind(renderChart('hookwatch'), 'PrometheusRule');
    const groups = rule!.spec!.groups as Groups;
    expect(withoutNamespaceLabel(groups)).toEqual(built.groups);
    for (const r of groups.flatMap((g) => g.rules)) if (r.alert) expect(r.labels?.namespace, r.alert).toBe('monitoring');
    const dir = mkdtempSync(join(tmpdir(), 'hookwatch-chart-'));
    writeFileSync(join(dir, 'rules.yml'), stringify({ groups }));
    const r = spawnSync(tool('promtool'), ['check', 'rules', '--lint=all', '--lint-fatal', join(dir, 'rules.yml')], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/SUCCESS: \d+ rules found/);
  }, TIMEOUT);

  it('the dashboard ConfigMaps hold exactly the generated dashboards, labelled for the Grafana sidecar with a folder', () => {
    const maps = byKind(renderChart('hookwatch'), 'ConfigMap').filter((m) => m.metadata.labels?.grafana_dashboard === '1');
    expect(maps.map((m) => Object.keys(m.data!)).flat().sort()).toEqual(built.dashboards.map((d) => d.file).sort());
    for (const m of maps) {
      const [file, json] = Object.entries(m.data!)[0]!;
      expect(json, file).toBe(built.dashboards.find((d) => d.file === file)!.json.replace(/\n$/, ''));
      expect(m.metadata.annotations?.grafana_folder).toBe('Webhooks');
    }
  }, TIMEOUT);

  it('kube-prometheus-stack finds the monitors and rules: release label, probes on /-/healthy and /-/ready, hardened pods', () => {
    const objs = renderChart('hookwatch-eu', [join(EXAMPLES_DIR, 'two-region-eu.yaml')]);
    for (const o of [...byKind(objs, 'ServiceMonitor'), ...byKind(objs, 'PrometheusRule'), ...byKind(objs, 'AlertmanagerConfig')]) expect(o.metadata.labels?.release, `${o.kind} ${o.metadata.name}`).toBe('kps');
    for (const d of byKind(objs, 'Deployment')) {
      const pod = (d.spec as { template: { spec: { securityContext: Record<string, unknown>; containers: Record<string, any>[] } } }).template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      for (const c of pod.containers) {
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        expect(c.livenessProbe.httpGet.path).toBe('/-/healthy');
        expect(c.readinessProbe.httpGet.path).toBe('/-/ready');
        expect(c.resources.requests).toBeDefined();
      }
    }
    const prober = byKind(objs, 'Deployment').find((d) => d.metadata.name.endsWith('-prober'))!;
    expect((prober.spec as { replicas: number }).replicas).toBe(2);
    expect(byKind(objs, 'PodDisruptionBudget')).toHaveLength(1);
    const config = byKind(objs, 'ConfigMap').find((m) => m.metadata.name.endsWith('-config'))!;
    expect(config.data!['hookwatch.yaml']).toMatch(/region: eu-west-1/);
  }, TIMEOUT);

  it('two regions: the second release is a prober for its own region, with no second copy of the rules, dashboards or exporter', () => {
    const us = renderChart('hookwatch-us', [join(EXAMPLES_DIR, 'two-region-us.yaml')]);
    expect(us.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'NetworkPolicy', 'Service', 'ServiceMonitor']);
    expect(byKind(us, 'ConfigMap')[0]!.data!['hookwatch.yaml']).toMatch(/region: us-east-1/);
    const names = [...renderChart('hookwatch-eu', [join(EXAMPLES_DIR, 'two-region-eu.yaml')]), ...us].map((o) => `${o.kind}/${o.metadata.name}`);
    expect(new Set(names).size).toBe(names.length);
  }, TIMEOUT);

  it('the AlertmanagerConfig takes Slack and PagerDuty credentials from Secret keys only', () => {
    const [amc] = byKind(renderChart('hookwatch', [join(EXAMPLES_DIR, 'single-region.yaml')]), 'AlertmanagerConfig');
    const receivers = (amc!.spec as { receivers: Record<string, any>[] }).receivers;
    expect(receivers.find((r) => r.name === 'slack')!.slackConfigs[0].apiURL).toEqual({ name: 'hookwatch-secrets', key: 'slack_webhook_url' });
    expect(receivers.find((r) => r.name === 'pagerduty')!.pagerdutyConfigs[0].routingKey).toEqual({ name: 'hookwatch-secrets', key: 'pagerduty_routing_key' });
  }, TIMEOUT);

  it('the plain manifests pass their schemas and carry the same rules and dashboards as the chart', async () => {
    const plain = objectsOf(readFileSync(join(CHART, 'manifests/hookwatch.yaml'), 'utf8'));
    expect((await Promise.all(plain.map(schemaProblem))).filter(Boolean)).toEqual([]);
    expect(plain.map((o) => o.kind)).toEqual(expect.arrayContaining(['PrometheusRule', 'ServiceMonitor', 'ConfigMap', 'Deployment', 'Service', 'PersistentVolumeClaim']));
    const chart = renderChart('hookwatch');
    expect(byKind(plain, 'PrometheusRule')[0]!.spec).toEqual({ groups: withoutNamespaceLabel(byKind(chart, 'PrometheusRule')[0]!.spec!.groups as Groups) });
    const dashData = (objs: KubeObject[]) => Object.fromEntries(byKind(objs, 'ConfigMap').filter((m) => m.metadata.labels?.grafana_dashboard).map((m) => [Object.keys(m.data!)[0], JSON.parse(Object.values(m.data!)[0]!)]));
    expect(dashData(plain)).toEqual(dashData(chart));
  }, TIMEOUT);

  it.each(VALUES)('with %s, every selector finds its objects and every named port exists (what no schema checks)', (_name, files) => {
    const objs = renderChart('hookwatch', files);
    const matches = (sel: Record<string, string>, labels: Record<string, string> | undefined) => Object.entries(sel).every(([k, v]) => labels?.[k] === v);
    type Pod = { metadata: { labels: Record<string, string> }; spec: { containers: { ports?: { name: string }[] }[] } };
    const pods = byKind(objs, 'Deployment').map((d) => (d.spec as { template: Pod }).template);
    for (const svc of byKind(objs, 'Service')) {
      const spec = svc.spec as { selector: Record<string, string>; ports: { targetPort: string }[] };
      const backing = pods.filter((p) => matches(spec.selector, p.metadata.labels));
      expect(backing, `Service ${svc.metadata.name}`).toHaveLength(1);
      for (const port of spec.ports) expect(backing[0]!.spec.containers.flatMap((c) => c.ports ?? []).map((p) => p.name), svc.metadata.name).toContain(port.targetPort);
    }
    for (const sm of byKind(objs, 'ServiceMonitor')) {
      const spec = sm.spec as { selector: { matchLabels: Record<string, string> }; endpoints: { port: string }[] };
      const svcs = byKind(objs, 'Service').filter((svc) => matches(spec.selector.matchLabels, svc.metadata.labels));
      expect(svcs, `ServiceMonitor ${sm.metadata.name}`).toHaveLength(1);
      expect((svcs[0]!.spec as { ports: { name: string }[] }).ports.map((p) => p.name)).toContain(spec.endpoints[0]!.port);
    }
    for (const np of byKind(objs, 'NetworkPolicy')) {
      const sel = (np.spec as { podSelector: { matchLabels: Record<string, string> } }).podSelector.matchLabels;
      for (const p of pods) expect(matches(sel, p.metadata.labels), np.metadata.name).toBe(true);
    }
    for (const pdb of byKind(objs, 'PodDisruptionBudget')) {
      const sel = (pdb.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      expect(pods.filter((p) => matches(sel, p.metadata.labels)), pdb.metadata.name).toHaveLength(1);
    }
    // Every volume a container mounts is declared in its pod.
    for (const d of byKind(objs, 'Deployment')) {
      const pod = (d.spec as { template: { spec: { volumes: { name: string }[]; containers: { volumeMounts: { name: string }[] }[] } } }).template.spec;
      for (const m of pod.containers.flatMap((c) => c.volumeMounts)) expect(pod.volumes.map((v) => v.name), `${d.metadata.name} mounts ${m.name}`).toContain(m.name);
    }
  }, TIMEOUT);

  it('golden: the default render', () => {
    const r = helm(['template', 'hookwatch', CHART, '--namespace', 'monitoring']);
    expect(r.ok, r.err).toBe(true);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, r.out);
    expect(r.out, 'stale: UPDATE_GOLDEN=1 npx vitest run test/integration/kubernetes, then review the diff').toBe(readFileSync(GOLDEN, 'utf8'));
  }, TIMEOUT);
});
