/**
 * Grafana cannot run here, so its provisioning files are checked against what Grafana 12.3
 * documents ("Provision Grafana", administration/provisioning: the example data source config
 * file with its JSON Data table, and the dashboard provider config file). Every field must be a
 * documented one with the documented type; a typo or an invented field (which Grafana ignores
 * silently) fails here. Every provisioning file in the repository is checked: what
 * docker-compose.yml mounts, what `hookwatch build` wrote to generated/, and the golden copies.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/tools.js';

/** jsonData keys the docs list for Prometheus and for every HTTP data source. */
const prometheusJsonData = z.strictObject({
  httpMethod: z.enum(['GET', 'POST']).optional(),
  timeInterval: z.string().regex(/^\d+(ms|s|m|h)$/).optional(),
  prometheusType: z.enum(['Prometheus', 'Cortex', 'Mimir', 'Thanos']).optional(),
  prometheusVersion: z.string().regex(/^\d+\.\d+\.\d+$/).optional(),
  customQueryParameters: z.string().optional(),
  manageAlerts: z.boolean().optional(),
  alertmanagerUid: z.string().optional(),
  cacheLevel: z.enum(['Low', 'Medium', 'High', 'None']).optional(),
  incrementalQuerying: z.union([z.boolean(), z.string()]).optional(),
  incrementalQueryOverlapWindow: z.string().optional(),
  disableRecordingRules: z.boolean().optional(),
  sigV4Auth: z.boolean().optional(),
  sigV4AuthType: z.string().optional(),
  sigV4ExternalId: z.string().optional(),
  sigV4AssumeRoleArn: z.string().optional(),
  sigV4Region: z.string().optional(),
  sigV4Profile: z.string().optional(),
  tlsAuth: z.boolean().optional(),
  tlsAuthWithCACert: z.boolean().optional(),
  tlsSkipVerify: z.boolean().optional(),
  serverName: z.string().optional(),
  timeout: z.union([z.string(), z.number()]).optional(),
  keepCookies: z.array(z.string()).optional(),
});

const datasource = z.strictObject({
  name: z.string().min(1),
  type: z.string().min(1),
  access: z.enum(['proxy', 'direct']),
  orgId: z.number().int().positive().optional(),
  uid: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/).optional(),
  url: z.string().optional(),
  user: z.string().optional(),
  database: z.string().optional(),
  basicAuth: z.boolean().optional(),
  basicAuthUser: z.string().optional(),
  withCredentials: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  jsonData: z.record(z.string(), z.unknown()).optional(),
  secureJsonData: z.record(z.string(), z.string()).optional(),
  version: z.number().int().optional(),
  editable: z.boolean().optional(),
}).superRefine((d, ctx) => {
  if (d.type !== 'prometheus' || d.jsonData === undefined) return;
  const r = prometheusJsonData.safeParse(d.jsonData);
  for (const i of r.error?.issues ?? []) ctx.addIssue({ code: 'custom', path: ['jsonData', ...i.path.map(String)], message: i.message });
});

const datasourcesFile = z.strictObject({
  apiVersion: z.literal(1),
  deleteDatasources: z.array(z.strictObject({ name: z.string(), orgId: z.number().int().optional() })).optional(),
  prune: z.boolean().optional(),
  datasources: z.array(datasource).min(1),
});

const provider = z.strictObject({
  name: z.string().min(1),
  orgId: z.number().int().positive().optional(),
  folder: z.string().optional(),
  folderUid: z.string().regex(/^[a-zA-Z0-9_-]{0,40}$/).optional(),
  type: z.literal('file').optional(),
  disableDeletion: z.boolean().optional(),
  updateIntervalSeconds: z.number().int().nonnegative().optional(),
  allowUiUpdates: z.boolean().optional(),
  options: z.strictObject({ path: z.string().min(1), foldersFromFilesStructure: z.boolean().optional() }),
}).refine((p) => !p.options.foldersFromFilesStructure || (!p.folder && !p.folderUid), { message: 'foldersFromFilesStructure needs folder and folderUid empty' });

const providersFile = z.strictObject({ apiVersion: z.literal(1), providers: z.array(provider).min(1) });

function provisioningFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) out.push(...provisioningFiles(p));
    else if (/\/provisioning\/(datasources|dashboards)\/[^/]+\.ya?ml$/.test(p)) out.push(p);
  }
  return out;
}

const problems = (schema: z.ZodType, file: string): string[] => {
  const r = schema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  return (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
};

const FILES = [...provisioningFiles(join(ROOT, 'deploy')), ...provisioningFiles(join(ROOT, 'generated')), ...provisioningFiles(join(ROOT, 'test/golden'))];
const schemaOf = (f: string) => (f.includes('/datasources/') ? datasourcesFile : providersFile);

describe('Grafana provisioning files against Grafana 12.3\'s documented fields', () => {
  it('finds the files docker-compose.yml mounts, generated/ and the golden copies', () => {
    const rel = FILES.map((f) => relative(ROOT, f));
    expect(rel).toContain('deploy/grafana/provisioning/datasources/hookwatch.yml');
    expect(rel).toContain('deploy/grafana/provisioning/dashboards/hookwatch.yml');
    expect(rel.filter((f) => f.startsWith('generated/'))).toHaveLength(2);
  });

  it.each(FILES.map((f) => [relative(ROOT, f), f]))('%s uses only documented fields, with their types', (_rel, file) => {
    expect(problems(schemaOf(file), file)).toEqual([]);
  });

  it('refuses what Grafana does not document: a misspelled field, a wrong access mode, a jsonData typo', () => {
    const ds = parseYaml(readFileSync(join(ROOT, 'deploy/grafana/provisioning/datasources/hookwatch.yml'), 'utf8')) as { datasources: Record<string, unknown>[] };
    const broken = (change: (d: Record<string, unknown>) => void) => {
      const bad = structuredClone(ds);
      change(bad.datasources[0]!);
      return (datasourcesFile.safeParse(bad).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(broken((d) => (d.isDefualt = true))).toEqual([expect.stringMatching(/^datasources\.0: .*isDefualt/)]);
    expect(broken((d) => (d.access = 'server'))).toEqual([expect.stringMatching(/^datasources\.0\.access: /)]);
    expect(broken((d) => ((d.jsonData as Record<string, unknown>).httpMetod = 'POST'))).toEqual([expect.stringMatching(/^datasources\.0\.jsonData: .*httpMetod/)]);
    const pv = parseYaml(readFileSync(join(ROOT, 'deploy/grafana/provisioning/dashboards/hookwatch.yml'), 'utf8')) as { providers: Record<string, unknown>[] };
    const badPv = structuredClone(pv);
    (badPv.providers[0]!.options as Record<string, unknown>).foldersFromFilesStructure = true;
    badPv.providers[0]!.updateInterval = 30;
    expect(providersFile.safeParse(badPv).success).toBe(false);
  });
});
