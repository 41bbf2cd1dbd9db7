/** `prober.metrics` and `endpoints[].metrics`: defaults, compact buckets from the thresholds, and the one-line error when they do not fit. */
import { describe, expect, it } from 'vitest';
import { REQUEST_BUCKETS } from '../../../catalog/index.js';
import { ConfigError, parseConfig } from '../../../config/index.js';

const parse = (text: string) => parseConfig(text, { file: 'hookwatch.yaml', dir: '/tmp', env: {}, readFile: () => '' });
const ENDPOINTS = `endpoints:
  - name: a
    url: http://127.0.0.1:8080/webhook
  - name: b
    url: http://127.0.0.1:8081/webhook
    metrics: full
    slo: { latency_p95_seconds: 0.5 }
`;

describe('prober.metrics', () => {
  it('defaults to full, with the full duration buckets', () => {
    const c = parse(ENDPOINTS);
    expect(c.prober.metrics).toBe('full');
    expect(c.prober.durationBuckets).toEqual(REQUEST_BUCKETS);
    expect(c.endpoints.map((e) => e.metrics)).toEqual(['full', 'full']);
  });

  it('compact: buckets at every latency threshold the config uses, endpoints opted into full keep it', () => {
    const c = parse(`${ENDPOINTS}prober: { metrics: compact }\nalerts: { response_time: { p95_seconds: 1.5, fail_p95_seconds: 4 } }\n`);
    expect(c.prober.metrics).toBe('compact');
    // 0.5 (b's SLO), 1.5 and 4 (alerts), 2 (a's default SLO), filled with 0.25 and 1.
    expect(c.prober.durationBuckets).toEqual([0.25, 0.5, 1, 1.5, 2, 4]);
    expect(c.endpoints.map((e) => e.metrics)).toEqual(['compact', 'full']);
  });

  it('refuses more distinct latency thresholds than the compact histogram holds, in one line', () => {
    const many = [0.1, 0.2, 0.3, 0.4, 0.6].map((s, i) => `  - { name: e${i}, url: "http://127.0.0.1:80${i}/w", slo: { latency_p95_seconds: ${s} } }\n`).join('');
    let message = '';
    try {
      parse(`endpoints:\n${many}prober: { metrics: compact }\n`);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^hookwatch\.yaml:\d+:\d+ prober\.metrics: got "compact", expected at most 6 distinct latency thresholds .*found 7: 0\.1, 0\.2, 0\.3, 0\.4, 0\.6, 2, 5/);
  });

  it('endpoints[].metrics takes only full', () => {
    expect(() => parse(`${ENDPOINTS.replace('metrics: full', 'metrics: compact')}`)).toThrow(/endpoints\[1\]\.metrics/);
  });
});
