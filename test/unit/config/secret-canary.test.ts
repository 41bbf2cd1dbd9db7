/**
 * Secret canaries in config errors: a `${env:…}` value inside a list or
 * mapping of the wrong shape must be shown as written in the file, never
 * expanded. Each case puts `${env:CANARY}` somewhere the schema refuses.
 */
import { describe, expect, it } from 'vitest';
import { configErrors } from '../../support/config.js';

const CANARY = 'hwcanary7d41e9';
const WRITTEN = '${env:CANARY}';

const errorsOf = (text: string): string => {
  const lines = configErrors(text, { env: { CANARY } });
  if (!lines.length) throw new Error('expected a ConfigError');
  return lines.join('\n');
};

const endpoint = (extra: string, url = 'http://127.0.0.1:8080/webhook') => `endpoints:\n  - name: primary\n    url: ${url}\n${extra}`;
const E = WRITTEN;

/** [case, config text, the field the error names, shown as written (false: a secret field, redacted)]. */
const CASES: readonly [string, string, string, boolean][] = [
  ['url as a list', endpoint('', `["http://host/${E}"]`), 'endpoints[0].url', true],
  ['url as a mapping', endpoint('', `{ href: "http://host/${E}" }`), 'endpoints[0].url', true],
  ['url expanding to no URL', endpoint('', `"${E}"`), 'endpoints[0].url', true],
  ['health_url as a list', endpoint(`    health_url: ["http://host/${E}"]\n`), 'endpoints[0].health_url', true],
  ['a header value as a list', endpoint(`    headers: { Authorization: ["Bearer ${E}"] }\n`), 'endpoints[0].headers.Authorization', true],
  ['a header value as a mapping', endpoint(`    headers: { Authorization: { bearer: "${E}" } }\n`), 'endpoints[0].headers.Authorization', true],
  ['headers as a list', endpoint(`    headers: ["Authorization: Bearer ${E}"]\n`), 'endpoints[0].headers', true],
  ['signing as a list', endpoint(`    signing: ["${E}"]\n`), 'endpoints[0].signing', true],
  ['signing.secrets as a string', endpoint(`    signing: { scheme: stripe, secrets: "${E}" }\n`), 'endpoints[0].signing.secrets', false],
  ['signing.secret as a mapping', endpoint(`    signing: { scheme: stripe, secret: { value: "${E}" } }\n`), 'endpoints[0].signing.secret', false],
  ['an endpoint as a list', `endpoints:\n  - ["http://host/${E}"]\n`, 'endpoints[0]', true],
  ['an endpoint as a string', `endpoints:\n  - "${E}"\n`, 'endpoints[0]', true],
  ['endpoints as a mapping', `endpoints:\n  primary: { url: "${E}" }\n`, 'endpoints', true],
  ['checks.delivery.body as a list', endpoint(`    checks: { delivery: { body: ["{\\"key\\":\\"${E}\\"}"] } }\n`), 'endpoints[0].checks.delivery.body', true],
  ['checks.delivery.body as a mapping', endpoint(`    checks: { delivery: { body: { key: "${E}" } } }\n`), 'endpoints[0].checks.delivery.body', true],
  ['grafana as a list', `${endpoint('')}grafana: ["https://grafana.example.com/${E}"]\n`, 'grafana', true],
  ['grafana.url as a mapping', `${endpoint('')}grafana: { url: { href: "https://grafana.example.com/${E}" } }\n`, 'grafana.url', true],
];

describe('config errors never print an expanded ${env:…} value', () => {
  it.each(CASES)('%s', (_name, text, field, shown) => {
    const message = errorsOf(text);
    expect(message).not.toContain(CANARY);
    const line = message.split('\n').find((l) => l.includes(` ${field}: `));
    expect(line, message).toBeDefined();
    if (shown) expect(line).toContain(WRITTEN);
    else expect(line).toContain('<redacted>');
  });

  it('still checks the expanded value: an env URL that is no URL is an error', () => {
    expect(errorsOf(endpoint('', `"${E}"`))).toBe(`hookwatch.yaml:3:10 endpoints[0].url: got "${E}", expected an http:// or https:// URL`);
  });
});

describe('config errors mask URL credentials and query values', () => {
  it('masks the userinfo of an invalid URL and the query values of a health_url', () => {
    const message = errorsOf(endpoint('    health_url: ftp://host/health?apikey=KEY123&region=eu\n', 'ftp://user:PASSWORD@host/hook'));
    expect(message.split('\n')).toEqual([
      'hookwatch.yaml:3:10 endpoints[0].url: got "ftp://***@host/hook", expected an http:// or https:// URL',
      'hookwatch.yaml:4:17 endpoints[0].health_url: got "ftp://host/health?apikey=***&region=***", expected an http:// or https:// URL',
    ]);
  });
});
