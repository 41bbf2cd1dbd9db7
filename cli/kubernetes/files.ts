/**
 * What `hookwatch build --kubernetes` writes into a copy of the Helm chart
 * (deploy/helm/hookwatch): the config it was built from, the rule files the
 * PrometheusRule holds and the dashboards the sidecar ConfigMaps hold, all
 * under `files/` where the chart's templates read them; and, from the same
 * build, `manifests/hookwatch.yaml` for clusters without Helm.
 */
import type { Config } from '../../config/index.js';
import { withHeader, type GeneratedFile } from '../../output/index.js';
import { plainManifests } from './manifests.js';
import { builtParts } from './parts.js';

/** Where the chart's templates find the generated files (`.Files.Get`). */
export const CHART_FILES = {
  config: 'files/hookwatch.yaml',
  rulesDir: 'files/rules',
  dashboardsDir: 'files/dashboards',
  manifests: 'manifests/hookwatch.yaml',
} as const;

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** `configText` is the config file as written; it goes into the chart's ConfigMap unchanged but for the header. */
export function kubernetesFiles(config: Config, configText: string): GeneratedFile[] {
  const { ruleFiles, dashboards } = builtParts(config);
  const source = base(config.file);
  return [
    { path: CHART_FILES.config, content: withHeader(configText, '#', source) },
    ...ruleFiles.map((f) => ({ path: `${CHART_FILES.rulesDir}/${base(f.path)}`, content: f.content })),
    ...dashboards.map((d) => ({ path: `${CHART_FILES.dashboardsDir}/${d.file}`, content: d.json })),
    { path: CHART_FILES.manifests, content: plainManifests(config, configText) },
  ];
}
