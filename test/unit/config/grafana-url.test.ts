/** Issue 12 point 7: grafana.url is copied into every dashboard link, so it takes no credentials (push authenticates otherwise). */
import { describe, expect, it } from 'vitest';
import { configErrors } from '../../support/config.js';

const errorsOf = (grafana: string): string[] =>
  configErrors(`endpoints:\n  - name: primary\n    url: http://127.0.0.1:8080/webhook\ngrafana: ${grafana}\n`, { env: { PW: 'grafanapw' } });

describe('grafana.url', () => {
  it('refuses credentials, masked, and points to the token and password options', () => {
    expect(errorsOf('{ url: "https://admin:s3cret@grafana.example.com" }')).toEqual([
      'hookwatch.yaml:4:17 grafana.url: got "https://***@grafana.example.com", expected a URL without credentials (they would be copied into every dashboard link; dashboards push takes --token-file or GRAFANA_TOKEN, or --user with --password-file or GRAFANA_PASSWORD)',
    ]);
    expect(errorsOf('{ url: "https://admin:${env:PW}@grafana.example.com" }').join('\n')).not.toContain('grafanapw');
  });

  it('refuses a query or fragment, which the dashboard paths would land after', () => {
    expect(errorsOf('{ url: "https://grafana.example.com/?orgId=1" }')).toEqual([
      'hookwatch.yaml:4:17 grafana.url: got "https://grafana.example.com/?orgId=***", expected the Grafana root URL, without query or fragment (dashboard paths are appended to it)',
    ]);
  });

  it('takes a root URL with a sub-path', () => {
    expect(errorsOf('{ url: "https://example.com/grafana/" }')).toEqual([]);
    expect(errorsOf('{ url: "not a url" }')).toEqual(['hookwatch.yaml:4:17 grafana.url: got "not a url", expected an http:// or https:// URL']);
  });
});
