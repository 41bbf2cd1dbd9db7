import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../config/index.js';
import { settingsFrom } from '../../../exporter/settings.js';
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

  it('allows wildcards only in the file name, and unique source names', () => {
    const out = problems(`${head}  sources:\n    - { type: file, path: "/var/*/x.jsonl" }\n    - { type: stdin, name: file-0 }\n`);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/exporter\.sources\[0\]\.path: got "\/var\/\*\/x\.jsonl", expected wildcards only in the file name/);
    expect(out[1]).toMatch(/exporter\.sources\[1\]\.name: got "file-0", expected a unique source name/);
  });

  it('resolves state_dir and names sources <type>-<index> by default', () => {
    const s = settingsFrom(configFromYaml(`${head}  listen: "127.0.0.1:0"\n  poll_interval: 50ms\n  sources: [{ type: file, path: x.jsonl }]\n`));
    expect(s.stateDir).toBe(`${process.cwd()}/.hookwatch`);
    expect(s.listen).toEqual({ host: '127.0.0.1', port: 0 });
    expect(s.pollSeconds).toBe(0.05);
  });
});
