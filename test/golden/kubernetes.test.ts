/**
 * The Helm chart's generated files (deploy/helm/hookwatch/files/) and the
 * plain manifests (deploy/helm/hookwatch/manifests/hookwatch.yaml) are what
 * `hookwatch build --kubernetes --config examples/kubernetes.yaml` writes.
 * This test fails when they are stale; `npm run generate` (or
 * UPDATE_GOLDEN=1 npx vitest run test/golden/kubernetes.test.ts) rewrites them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubernetesFiles } from '../../cli/kubernetes/files.js';
import { loadForKubernetes } from '../../cli/kubernetes/load.js';
import { ROOT } from '../support/tools.js';

const CHART = join(ROOT, 'deploy/helm/hookwatch');
const GENERATED_DIRS = ['files', 'manifests'];

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [relative(CHART, p)];
  });
}

describe('deploy/helm/hookwatch: generated files', () => {
  const { config, text } = loadForKubernetes(join(ROOT, 'examples/kubernetes.yaml'), {});
  const files = kubernetesFiles(config, text);

  if (process.env.UPDATE_GOLDEN === '1') {
    for (const d of GENERATED_DIRS) rmSync(join(CHART, d), { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(dirname(join(CHART, f.path)), { recursive: true });
      writeFileSync(join(CHART, f.path), f.content);
    }
  }

  it('files/ and manifests/ hold exactly what hookwatch build --kubernetes writes', () => {
    const onDisk = GENERATED_DIRS.flatMap((d) => listFiles(join(CHART, d))).sort();
    expect(onDisk).toEqual(files.map((f) => f.path).sort());
  });

  it.each(files.map((f) => [f.path, f] as const))('%s is up to date (npm run generate)', (_p, f) => {
    expect(readFileSync(join(CHART, f.path), 'utf8')).toBe(f.content);
  });

  it('nothing built holds a secret: the secret files are the cluster\'s, not read by the build', () => {
    for (const f of files) expect(f.content, f.path).not.toMatch(/whsec_A{8}/);
  });
});
