/**
 * scripts/fetch-prometheus-tools.sh says what it did: one line per tool
 * with its version, installed (and from which package) or already present.
 * Run on a copy of the script with fake `apt-get` and `dpkg` first on PATH,
 * so nothing is downloaded and nothing outside a temp folder changes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/tools.js';

const dir = mkdtempSync(join(tmpdir(), 'hw-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DEBS: Record<string, { file: string; bins: Record<string, string> }> = {
  prometheus: { file: 'prometheus_2.42.0+ds-5+deb12u1_amd64.deb', bins: { prometheus: 'prometheus, version 2.42.0+ds (branch: debian/sid)', promtool: 'promtool, version 2.42.0+ds (branch: debian/sid)' } },
  'prometheus-alertmanager': { file: 'prometheus-alertmanager_0.25.0-1+b4_amd64.deb', bins: { 'prometheus-alertmanager': 'alertmanager, version 0.25.0 (branch: debian/sid)', amtool: 'amtool, version 0.25.0 (branch: debian/sid)' } },
  'prometheus-blackbox-exporter': { file: 'prometheus-blackbox-exporter_0.23.0-4+b4_amd64.deb', bins: { 'prometheus-blackbox-exporter': 'blackbox_exporter, version 0.23.0 (branch: debian/sid)' } },
  mtail: { file: 'mtail_3.0.0~rc50-1+b6_amd64.deb', bins: { mtail: 'mtail version 3.0.0~rc50 git revision 3.0.0~rc50-1+b6 go version go1.19.8' } },
};

const exe = (path: string, text: string) => { writeFileSync(path, `#!/usr/bin/env bash\n${text}\n`); chmodSync(path, 0o755); };

/** A repository copy with only the script, and fakes: `apt-get download` writes the .deb names, `dpkg -x` unpacks fake binaries. */
function setUp(): { repo: string; env: NodeJS.ProcessEnv } {
  const repo = mkdtempSync(join(dir, 'repo-'));
  mkdirSync(join(repo, 'scripts'));
  copyFileSync(join(ROOT, 'scripts/fetch-prometheus-tools.sh'), join(repo, 'scripts/fetch-prometheus-tools.sh'));
  const fakes = join(repo, 'fakes');
  mkdirSync(fakes);
  exe(join(fakes, 'apt-get'), `[ "$1" = download ] || exit 0\n${Object.values(DEBS).map((d) => `touch '${d.file}'`).join('\n')}`);
  const unpack = Object.values(DEBS).map((d) => `*'${d.file}') ${Object.entries(d.bins).map(([b, v]) => `mkdir -p "$3/usr/bin"; printf '#!/usr/bin/env bash\\necho "${v}"\\n' > "$3/usr/bin/${b}"; chmod +x "$3/usr/bin/${b}";`).join(' ')} ;;`).join('\n');
  exe(join(fakes, 'dpkg'), `[ "$1" = -x ] || exit 1\ncase "$2" in\n${unpack}\nesac\nmkdir -p "$3/usr/share/prometheus/alertmanager"; touch "$3/usr/share/prometheus/alertmanager/default.tmpl" "$3/usr/share/prometheus/alertmanager/email.tmpl"`);
  return { repo, env: { ...process.env, PATH: `${fakes}:${process.env.PATH}`, HOOKWATCH_AM_TEMPLATES: join(repo, 'am-templates') } };
}

const run = (repo: string, env: NodeJS.ProcessEnv) => {
  const r = spawnSync('bash', [join(repo, 'scripts/fetch-prometheus-tools.sh')], { env, encoding: 'utf8' });
  return { status: r.status, lines: r.stdout.trim().split('\n'), stderr: r.stderr };
};

describe('fetch-prometheus-tools.sh', () => {
  it('says what it downloaded and installed, each tool with its version, then that everything is already present', () => {
    const { repo, env } = setUp();
    const bin = join(repo, '.tools/bin');
    const first = run(repo, env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.lines).toEqual([
      `fetch-prometheus-tools: downloaded prometheus prometheus-alertmanager prometheus-blackbox-exporter mtail to ${repo}/.tools/debs (apt-get download)`,
      `fetch-prometheus-tools: copied Alertmanager's default templates to ${repo}/am-templates`,
      `fetch-prometheus-tools: prometheus 2.42.0+ds: installed in ${bin} (from ${DEBS.prometheus!.file})`,
      `fetch-prometheus-tools: promtool 2.42.0+ds: installed in ${bin} (from ${DEBS.prometheus!.file})`,
      `fetch-prometheus-tools: prometheus-alertmanager 0.25.0: installed in ${bin} (from ${DEBS['prometheus-alertmanager']!.file})`,
      `fetch-prometheus-tools: amtool 0.25.0: installed in ${bin} (from ${DEBS['prometheus-alertmanager']!.file})`,
      `fetch-prometheus-tools: prometheus-blackbox-exporter 0.23.0: installed in ${bin} (from ${DEBS['prometheus-blackbox-exporter']!.file})`,
      `fetch-prometheus-tools: mtail 3.0.0~rc50: installed in ${bin} (from ${DEBS.mtail!.file})`,
    ]);
    const again = run(repo, env);
    expect(again.status).toBe(0);
    expect(again.lines).toEqual(['prometheus 2.42.0+ds', 'promtool 2.42.0+ds', 'prometheus-alertmanager 0.25.0', 'amtool 0.25.0', 'prometheus-blackbox-exporter 0.23.0', 'mtail 3.0.0~rc50']
      .map((t) => `fetch-prometheus-tools: ${t}: already present in ${bin}`));
  });
});
