/**
 * `hookwatch dashboards push`: makes sure the folder exists, then uploads
 * every dashboard with overwrite. Running it twice changes nothing but the
 * dashboards' version numbers, so it is safe to rerun after a failure.
 */
import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { GrafanaClient, type GrafanaAuth, type SavedDashboard } from './client.js';

export interface PushOptions {
  readonly url: string;
  readonly auth: GrafanaAuth;
  readonly folderUid: string;
  readonly folderTitle: string;
  readonly dashboards: readonly Dashboard[];
  /** Version-history message Grafana stores with each dashboard. */
  readonly message: string;
  readonly timeoutMs?: number;
}

export interface PushResult {
  readonly folder: 'created' | 'existing';
  readonly dashboards: readonly SavedDashboard[];
}

/** Uploads the dashboards in order; the first error stops the push. */
export async function pushDashboards(options: PushOptions): Promise<PushResult> {
  const client = new GrafanaClient({ url: options.url, auth: options.auth, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  const existing = await client.getFolder(options.folderUid);
  if (!existing) await client.createFolder(options.folderUid, options.folderTitle);
  const saved: SavedDashboard[] = [];
  for (const d of options.dashboards) {
    // `id` identifies a dashboard per instance; the uid is what we keep stable, so never send an id.
    const { id: _id, version: _version, ...dashboard } = d;
    saved.push(await client.saveDashboard(dashboard, options.folderUid, options.message));
  }
  return { folder: existing ? 'existing' : 'created', dashboards: saved };
}
