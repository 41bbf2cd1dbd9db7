/** Importing dashboards into a running Grafana through its HTTP API. */
export { pushDashboards, type PushOptions, type PushResult } from './push.js';
export { GrafanaClient, authorizationHeader, type GrafanaAuth, type Folder, type SavedDashboard } from './client.js';
export { GrafanaApiError, GrafanaUnreachableError } from './errors.js';
