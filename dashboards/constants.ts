/**
 * Pins shared by the dashboard generator, the provisioning files and the
 * docker-compose stack. Change the Grafana image and the schema version
 * together: the SDK line decides which schemaVersion Grafana expects.
 */

/**
 * The Grafana image the dashboards target. docker-compose.yml uses the same
 * tag so the demo runs the version the JSON was generated for.
 */
export const GRAFANA_IMAGE = 'grafana/grafana:12.3.1';

/**
 * Dashboard JSON schema version of the Grafana 12.x line (migration 42,
 * grafana/grafana#110517, shipped from 12.2); equal to what
 * `@grafana/grafana-foundation-sdk@0.0.21` writes (a unit test checks both).
 */
export const SCHEMA_VERSION = 42;

/** Fixed uid of the provisioned Prometheus datasource, so panels can reference it. */
export const DATASOURCE_UID = 'hookwatch-prometheus';

/** Name of the provisioned Prometheus datasource. */
export const DATASOURCE_NAME = 'Prometheus (hookwatch)';

/** Where Prometheus is reached from the Grafana container in the compose stack. */
export const PROMETHEUS_URL = 'http://prometheus:9090';

/** Uid of the Grafana folder the dashboards go into (provisioning and push). */
export const FOLDER_UID = 'hookwatch';

/** Where docker-compose mounts the generated dashboards inside the Grafana container. */
export const DASHBOARDS_MOUNT_PATH = '/var/lib/grafana/dashboards/hookwatch';

/** Tags on every generated dashboard. */
export const DASHBOARD_TAGS = ['hookwatch', 'webhooks'] as const;

/** Output paths, relative to the build output directory. */
export const OUTPUT_PATHS = {
  dashboardsDir: 'grafana/dashboards',
  datasource: 'grafana/provisioning/datasources/hookwatch.yml',
  provider: 'grafana/provisioning/dashboards/hookwatch.yml',
} as const;
