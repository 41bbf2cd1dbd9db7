/** The one mask for URLs and config secrets, shared by errors, the CLI and the status page. */
import { describe, expect, it } from 'vitest';
import { masker, maskUrls, publicUrl, redactor, Secret } from '../../../config/index.js';
import { configFromYaml } from '../../support/config.js';

describe('maskUrls', () => {
  it.each([
    ['http://user:PASSWORD@host/hook?token=TOKEN', 'http://***@host/hook?token=***'],
    ['https://u:p@ss@host:8443/a/b?x=1&y=&z#frag', 'https://***@host:8443/a/b?x=***&y=***&z#frag'],
    ['ftp://user@host/', 'ftp://***@host/'],
    ['POST http://a:b@one/ then http://two/?k=v', 'POST http://***@one/ then http://two/?k=***'],
    ['"http://host/health?apikey=KEY"', '"http://host/health?apikey=***"'],
    ['/relative?apikey=KEY', '/relative?apikey=***'],
    ['http://host/path', 'http://host/path'],
    ['mail ops@example.com, is another hookwatch running?', 'mail ops@example.com, is another hookwatch running?'],
  ])('%s', (text, masked) => {
    expect(maskUrls(text)).toBe(masked);
  });
});

describe('redactor', () => {
  it('masks the config\'s secrets and header values and every URL\'s credentials', () => {
    const config = configFromYaml(`endpoints:
  - name: a
    url: http://127.0.0.1:1/hook?token=querysecret1
    headers: { X-Api-Key: headersecret2 }
    signing: { scheme: github, secret: "\${env:S}" }
`, { S: 'signingsecret3' });
    const mask = redactor(config);
    expect(mask('got querysecret1, headersecret2 and signingsecret3 from http://u:pw@x/?q=1')).toBe('got <secret>, <secret> and <secret> from http://***@x/?q=***');
    expect(mask('')).toBe('');
  });

  it('survives a query value that is not valid percent-encoding', () => {
    const config = configFromYaml('endpoints:\n  - name: a\n    url: "http://127.0.0.1:1/hook?token=%25zzsecret"\n');
    expect(redactor(config)('said %zzsecret')).toBe('said <secret>');
  });
});

describe('masker', () => {
  /** A secret that counts how often its value is read. */
  class CountingSecret extends Secret {
    reads = 0;
    override reveal(): string {
      this.reads += 1;
      return super.reveal();
    }
  }

  it('reads each secret once when it is made, not once per text (a fleet has one per endpoint)', () => {
    const secrets = Array.from({ length: 2000 }, (_, i) => new CountingSecret(`whsec_endpoint${i}`, 'inline'));
    const mask = masker(secrets);
    const before = secrets.reduce((n, s) => n + s.reads, 0);
    for (let i = 0; i < 500; i++) expect(mask(`endpoint ${i} said whsec_endpoint${i} and whsec_endpoint${i + 1}x`)).toBe(`endpoint ${i} said <secret> and <secret>x`);
    expect(secrets.reduce((n, s) => n + s.reads, 0)).toBe(before);
  });

  it('masks overlapping secrets whole, so no part of either shows', () => {
    const mask = masker([new Secret('ABCDEFGH', 'inline'), new Secret('xxABC', 'inline')]);
    expect(mask('0xxABCDEFGHyy')).toBe('0<secret>yy');
    expect(mask('ABCDEFGHABCDEFGH, xxABC')).toBe('<secret><secret>, <secret>');
    expect(mask('ABCDEFG xxAB abc')).toBe('ABCDEFG xxAB abc');
  });

  it('masks the longest of secrets that start alike, and ignores values under 4 characters', () => {
    const mask = masker([new Secret('tok1', 'inline'), new Secret('tok1-long-secret', 'inline'), new Secret('abc', 'inline')]);
    expect(mask('a tok1-long-secret, a tok1, abc')).toBe('a <secret>, a <secret>, abc');
  });
});

describe('publicUrl', () => {
  it('drops the userinfo, query and fragment', () => {
    expect(publicUrl('https://u:p@grafana.example.com/sub/?orgId=1#x')).toBe('https://grafana.example.com/sub');
    expect(publicUrl('not a url')).toBe('');
  });
});
