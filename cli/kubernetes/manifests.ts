/**
 * Plain Kubernetes manifests for clusters without Helm, from the same build
 * as the chart's files: the config and dashboard ConfigMaps, the prober and
 * exporter Deployments (each only when the config enables it) with their
 * Services and ServiceMonitors, the exporter's state PVC, and the
 * PrometheusRule. They match the chart rendered with its default values
 * (test/integration/kubernetes checks the shared parts), for a
 * kube-prometheus-stack release named `kube-prometheus-stack`. The Secret
 * `hookwatch-secrets` is the user's (`kubectl create secret generic`).
 */
import { basename } from 'node:path';
import { stringify } from 'yaml';
import type { Config } from '../../config/index.js';
import { withHeader } from '../../output/index.js';
import { VERSION } from '../version.js';
import { builtParts } from './parts.js';

export const MANIFEST_DEFAULTS = {
  release: 'kube-prometheus-stack',
  image: `hookwatch:${VERSION}`,
  secret: 'hookwatch-secrets',
  secretsMount: '/run/secrets/hookwatch',
  configMount: '/etc/hookwatch',
  stateMount: '/var/lib/hookwatch',
  logsMount: '/var/log/webhooks',
  logsClaim: 'webhook-delivery-logs',
} as const;

type Component = 'prober' | 'exporter';
const NAME = 'hookwatch';
const labels = (component?: Component) => ({ 'app.kubernetes.io/name': NAME, 'app.kubernetes.io/instance': NAME, ...(component ? { 'app.kubernetes.io/component': component } : {}) });
const selector = (component: Component) => ({ 'app.kubernetes.io/name': NAME, 'app.kubernetes.io/instance': NAME, 'app.kubernetes.io/component': component });

/** The hardened container and pod settings the chart uses too. */
export const POD_SECURITY = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } } as const;
export const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } as const;

function deployment(config: Config, component: Component) {
  const port = component === 'prober' ? config.prober.listen.port : config.exporter.listen.port;
  const probe = (path: string) => ({ httpGet: { path, port: 'http' }, periodSeconds: 10, timeoutSeconds: 3 });
  const mounts = [
    { name: 'config', mountPath: MANIFEST_DEFAULTS.configMount, readOnly: true },
    { name: 'secrets', mountPath: MANIFEST_DEFAULTS.secretsMount, readOnly: true },
    { name: 'tmp', mountPath: '/tmp' },
    ...(component === 'exporter' ? [{ name: 'state', mountPath: MANIFEST_DEFAULTS.stateMount }, { name: 'logs', mountPath: MANIFEST_DEFAULTS.logsMount, readOnly: true }] : []),
  ];
  const volumes = [
    { name: 'config', configMap: { name: `${NAME}-config` } },
    { name: 'secrets', secret: { secretName: MANIFEST_DEFAULTS.secret } },
    { name: 'tmp', emptyDir: {} },
    ...(component === 'exporter'
      ? [{ name: 'state', persistentVolumeClaim: { claimName: `${NAME}-exporter-state` } }, { name: 'logs', persistentVolumeClaim: { claimName: MANIFEST_DEFAULTS.logsClaim, readOnly: true } }]
      : []),
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${NAME}-${component}`, labels: labels(component) },
    spec: {
      // The exporter owns its checkpoint: one replica, replaced not rolled.
      replicas: 1,
      ...(component === 'exporter' ? { strategy: { type: 'Recreate' } } : {}),
      selector: { matchLabels: selector(component) },
      template: {
        metadata: { labels: labels(component) },
        spec: {
          securityContext: POD_SECURITY,
          containers: [{
            name: component,
            image: MANIFEST_DEFAULTS.image,
            args: [component === 'prober' ? 'probe' : 'export', '--config', `${MANIFEST_DEFAULTS.configMount}/hookwatch.yaml`, '--log.format', 'json'],
            ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
            livenessProbe: probe('/-/healthy'),
            readinessProbe: probe('/-/ready'),
            resources: { requests: { cpu: '50m', memory: '96Mi' }, limits: { memory: '256Mi' } },
            securityContext: CONTAINER_SECURITY,
            volumeMounts: mounts,
          }],
          volumes,
        },
      },
    },
  };
}

function service(config: Config, component: Component) {
  const port = component === 'prober' ? config.prober.listen.port : config.exporter.listen.port;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${NAME}-${component}`, labels: labels(component) },
    spec: { type: 'ClusterIP', selector: selector(component), ports: [{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }] },
  };
}

function serviceMonitor(config: Config, component: Component) {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: { name: `${NAME}-${component}`, labels: { ...labels(component), release: MANIFEST_DEFAULTS.release } },
    spec: {
      selector: { matchLabels: selector(component) },
      endpoints: [{ port: 'http', path: '/metrics', interval: config.alerts.scrapeInterval.text }],
    },
  };
}

export function plainManifests(config: Config, configText: string): string {
  const { groups, dashboards } = builtParts(config);
  const components = (['prober', 'exporter'] as const).filter((c) => config.components[c]);
  const objects: unknown[] = [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `${NAME}-config`, labels: labels() }, data: { 'hookwatch.yaml': configText } },
    ...(config.components.exporter
      ? [{ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: `${NAME}-exporter-state`, labels: labels('exporter') }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }]
      : []),
    ...components.flatMap((c) => [deployment(config, c), service(config, c), serviceMonitor(config, c)]),
    { apiVersion: 'monitoring.coreos.com/v1', kind: 'PrometheusRule', metadata: { name: NAME, labels: { ...labels(), release: MANIFEST_DEFAULTS.release } }, spec: { groups } },
    ...dashboards.map((d) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${NAME}-dashboard-${d.file.replace(/\.json$/, '')}`, labels: { ...labels(), grafana_dashboard: '1' }, annotations: { grafana_folder: config.grafana.folder } },
      data: { [d.file]: d.json },
    })),
  ];
  const body = objects.map((o) => stringify(o, { lineWidth: 0, minContentWidth: 0, indentSeq: true, aliasDuplicateObjects: false })).join('---\n');
  return withHeader(body, '#', basename(config.file));
}
