import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../config/index.js';
import { settingsFrom } from '../../../exporter/run/settings.js';
import { configFromYaml } from '../../support/config.js';

const head = 'endpoints: [{ name: a, url: "https://a.example/h" }]\nexporter:\n';

function problems(yaml: string): string[] {
  try {
    configFromYaml(yaml);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.message.split('\n');
    throw e;
  }
}

describe('exporter config', () => {
  it('needs a map: for format map, one line naming the field', () => {
    expect(problems(`${head}  sources: [{ type: file, path: ./x.jsonl, format: map }]\n`)).toEqual([
      'test.yaml:3:13 exporter.sources[0].map: got nothing, expected a map: of record fields to dotted paths (format: map)',
    ]);
  });

  it('says a value must be above 0 when 0 itself is refused (positive), not ">= 0"', () => {
    expect(problems(`${head}  parallel_catch_up_bytes: 0\n`)).toEqual([
      'test.yaml:3:28 exporter.parallel_catch_up_bytes: got 0, expected > 0',
    ]);
  });

  it('allows wildcards only in the file name, and unique source names', () => {
    const out = problems(`${head}  sources:\n    - { type: file, path: "/var/*/x.jsonl" }\n    - { type: stdin, name: file-0 }\n`);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/exporter\.sources\[0\]\.path: got "\/var\/\*\/x\.jsonl", expected wildcards only in the file name/);
    expect(out[1]).toMatch(/exporter\.sources\[1\]\.name: got "file-0", expected a unique source name/);
  });

  it('resolves state_dir and names sources <type>-<index> by default', () => {
    const s = settingsFrom(configFromYaml(`${head}  listen: "127.0.0.1:0"\n  poll_interval: 50ms\n  sources: [{ type: file, path: x.jsonl }]\n`));
    expect(s.stateDir).toBe(`${process.cwd()}/.hookwatch`);
    expect(s.listen).toMatchObject({ host: '127.0.0.1', port: 0 });
    expect(s.pollSeconds).toBe(0.05);
    expect(s.sources).toMatchObject([{ type: 'file', name: 'file-0', path: `${process.cwd()}/x.jsonl`, written: 'x.jsonl' }]);
  });

  it('types a field map once: camelCase units, paths by record field', () => {
    const s = settingsFrom(configFromYaml(`${head}  sources: [{ type: stdin, name: legacy, format: map, map: { ts: time, event_id: id, duration: took, duration_unit: s } }]\n`));
    expect(s.sources[0]).toEqual({ type: 'stdin', name: 'legacy', format: 'map', map: { paths: { ts: 'time', event_id: 'id', duration: 'took' }, durationUnit: 's', timestampFormat: 'iso8601' } });
  });

  it('rejects request_id in a map with one line saying why', () => {
    expect(problems(`${head}  sources: [{ type: stdin, format: map, map: { ts: t, request_id: rid } }]\n`)).toEqual([
      'test.yaml:3:67 exporter.sources[0].map.request_id: got "rid", expected no request_id: no metric reads it (a label per request would be unbounded); correlate request ids in the logs themselves',
    ]);
  });
});
