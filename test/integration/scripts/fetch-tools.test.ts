/**
 * scripts/fetch-prometheus-tools.sh says what it did: one line per tool
 * with its version, installed (and from which package) or already present.
 * Run on a copy of the script with fake `apt-get` and `dpkg` first on PATH,
 * so nothing is downloaded and nothing outside a temp folder changes.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
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
  // Debian's VictoriaMetrics binaries print an empty -version: the script reads the version from the .deb's name.
  'victoria-metrics': { file: 'victoria-metrics_1.79.5+ds1-2+b5_amd64.deb', bins: { 'victoria-metrics': '', vmagent: '', vmalert: '', vmauth: '' } },
};
const VM_TOOLS = ['victoria-metrics 1.79.5', 'vmagent 1.79.5', 'vmalert 1.79.5', 'vmauth 1.79.5'];

const exe = (path: string, text: string) => { writeFileSync(path, `#!/usr/bin/env bash\n${text}\n`); chmodSync(path, 0o755); };

/** A repository copy with only the script, and fakes: `apt-get download` writes the .deb names, `dpkg -x` unpacks fake binaries. */
function setUp(): { repo: string; env: NodeJS.ProcessEnv; log: string } {
  const repo = mkdtempSync(join(dir, 'repo-'));
  mkdirSync(join(repo, 'scripts'));
  copyFileSync(join(ROOT, 'scripts/fetch-prometheus-tools.sh'), join(repo, 'scripts/fetch-prometheus-tools.sh'));
  const fakes = join(repo, 'fakes');
  mkdirSync(fakes);
  const log = join(repo, 'calls.log');
  exe(join(fakes, 'apt-get'), `echo "apt-get $*" >> '${log}'\n[ "$1" = download ] || exit 0\nshift\nfor p in "$@"; do case "$p" in\n${Object.entries(DEBS).map(([p, d]) => `'${p}') touch '${d.file}' ;;`).join('\n')}\nesac; done`);
  const unpack = Object.values(DEBS).map((d) => `*'${d.file}') ${Object.entries(d.bins).map(([b, v]) => `mkdir -p "$3/usr/bin"; printf '#!/usr/bin/env bash\\necho "${v}"\\n' > "$3/usr/bin/${b}"; chmod +x "$3/usr/bin/${b}";`).join(' ')} ;;`).join('\n');
  exe(join(fakes, 'dpkg'), `echo "dpkg $1 $(basename "$2")" >> '${log}'\n[ "$1" = -x ] || exit 1\ncase "$2" in\n${unpack}\nesac\nmkdir -p "$3/usr/share/prometheus/alertmanager"; touch "$3/usr/share/prometheus/alertmanager/default.tmpl" "$3/usr/share/prometheus/alertmanager/email.tmpl"`);
  return { repo, log, env: { ...process.env, PATH: `${fakes}:${process.env.PATH}`, HOOKWATCH_AM_TEMPLATES: join(repo, 'am-templates') } };
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
      `fetch-prometheus-tools: downloaded prometheus prometheus-alertmanager prometheus-blackbox-exporter mtail victoria-metrics to ${repo}/.tools/debs (apt-get download)`,
      `fetch-prometheus-tools: copied Alertmanager's default templates to ${repo}/am-templates`,
      `fetch-prometheus-tools: prometheus 2.42.0+ds: installed in ${bin} (from ${DEBS.prometheus!.file})`,
      `fetch-prometheus-tools: promtool 2.42.0+ds: installed in ${bin} (from ${DEBS.prometheus!.file})`,
      `fetch-prometheus-tools: prometheus-alertmanager 0.25.0: installed in ${bin} (from ${DEBS['prometheus-alertmanager']!.file})`,
      `fetch-prometheus-tools: amtool 0.25.0: installed in ${bin} (from ${DEBS['prometheus-alertmanager']!.file})`,
      `fetch-prometheus-tools: prometheus-blackbox-exporter 0.23.0: installed in ${bin} (from ${DEBS['prometheus-blackbox-exporter']!.file})`,
      `fetch-prometheus-tools: mtail 3.0.0~rc50: installed in ${bin} (from ${DEBS.mtail!.file})`,
      ...VM_TOOLS.map((t) => `fetch-prometheus-tools: ${t}: installed in ${bin} (from ${DEBS['victoria-metrics']!.file})`),
    ]);
    // Relative links: .tools is one folder shared by every worktree through a symlink.
    expect(readlinkSync(join(bin, 'vmalert'))).toBe('../root/usr/bin/vmalert');
    const again = run(repo, env);
    expect(again.status).toBe(0);
    expect(again.lines).toEqual(['prometheus 2.42.0+ds', 'promtool 2.42.0+ds', 'prometheus-alertmanager 0.25.0', 'amtool 0.25.0', 'prometheus-blackbox-exporter 0.23.0', 'mtail 3.0.0~rc50', ...VM_TOOLS]
      .map((t) => `fetch-prometheus-tools: ${t}: already present in ${bin}`));
  });

  it('on a .tools that has the older tools only, downloads and unpacks victoria-metrics alone and leaves the others untouched', () => {
    const { repo, env, log } = setUp();
    const first = run(repo, env);
    expect(first.status).toBe(0);
    // The state before VictoriaMetrics joined the list.
    for (const b of ['victoria-metrics', 'vmagent', 'vmalert', 'vmauth']) {
      rmSync(join(repo, '.tools/bin', b));
      rmSync(join(repo, '.tools/root/usr/bin', b));
    }
    rmSync(join(repo, '.tools/debs', DEBS['victoria-metrics']!.file));
    writeFileSync(log, '');
    const second = run(repo, env);
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.lines[0]).toBe(`fetch-prometheus-tools: downloaded victoria-metrics to ${repo}/.tools/debs (apt-get download)`);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['apt-get download victoria-metrics', `dpkg -x ${DEBS['victoria-metrics']!.file}`]);
  });
});
