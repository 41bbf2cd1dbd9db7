/**
 * Grafana provisioning files: the Prometheus datasource (fixed uid, so the
 * dashboards' default datasource resolves) and the file dashboard provider
 * pointing at the generated dashboards as docker-compose mounts them.
 */
import { basename } from 'node:path';
import type { Config } from '../config/index.js';
import { withHeader } from '../output/index.js';
import { DASHBOARDS_MOUNT_PATH, DATASOURCE_NAME, DATASOURCE_UID, FOLDER_UID, PROMETHEUS_URL } from './constants.js';

/** The Prometheus version the stack and the PromQL checks target. */
export const PROMETHEUS_VERSION = '2.42.0';

/** YAML double-quoted scalar; JSON strings are valid YAML. */
const q = (s: string): string => JSON.stringify(s);

/** The generated header, then a line saying what the file is. */
const generated = (config: Config, what: string, body: string): string => withHeader(`# ${what}\n${body}`, '#', basename(config.file));

/** `provisioning/datasources/hookwatch.yml`. */
export function datasourceYaml(config: Config): string {
  return generated(config, 'Grafana datasource for hookwatch dashboards.', `apiVersion: 1
datasources:
  - name: ${q(DATASOURCE_NAME)}
    uid: ${q(DATASOURCE_UID)}
    type: prometheus
    access: proxy
    url: ${q(PROMETHEUS_URL)}
    isDefault: true
    editable: false
    jsonData:
      httpMethod: POST
      prometheusType: Prometheus
      prometheusVersion: ${q(PROMETHEUS_VERSION)}
      # Equal to the scrape interval, so $__rate_interval covers four scrapes.
      timeInterval: ${q(config.alerts.scrapeInterval.text)}
`);
}

/** `provisioning/dashboards/hookwatch.yml`. */
export function providerYaml(config: Config): string {
  return generated(config, 'Grafana dashboard provider for hookwatch dashboards.', `apiVersion: 1
providers:
  - name: hookwatch
    orgId: 1
    folder: ${q(config.grafana.folder)}
    folderUid: ${q(FOLDER_UID)}
    type: file
    disableDeletion: false
    updateIntervalSeconds: 30
    # Generated dashboards are changed in the config, not in the UI.
    allowUiUpdates: false
    options:
      path: ${q(DASHBOARDS_MOUNT_PATH)}
      foldersFromFilesStructure: false
`);
}
