/** Issue 12 point 8: a secret its scheme cannot use is a one-line config error, not a crash at the first send. */
import { describe, expect, it } from 'vitest';
import { configErrors } from '../../support/config.js';

const files: Record<string, string> = { '/cfg/bad.txt': 'whsec_notbase64!\n', '/cfg/good.txt': 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n' };
const readFile = (p: string) => files[p] ?? (() => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); })();
const errorsOf = (signing: string, env: Record<string, string> = {}): string[] =>
  configErrors(`endpoints:\n  - name: primary\n    url: http://127.0.0.1:8080/webhook\n    signing: ${signing}\n`, { env, readFile });

describe('signing secrets are checked for their scheme', () => {
  it('refuses a Standard Webhooks secret that is not whsec_ + base64, without printing it', () => {
    const lines = errorsOf('{ scheme: standard-webhooks, secret: "${env:S}" }', { S: 'whsec_notbase64!' });
    expect(lines).toEqual(['hookwatch.yaml:4:51 endpoints[0].signing.secret: got <redacted>, expected a Standard Webhooks secret: "whsec_" followed by base64']);
  });

  it('names the one bad secret of a rotation list, and a bad secret file by its path', () => {
    expect(errorsOf('{ scheme: svix, secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!"] }')).toEqual([
      'hookwatch.yaml:4:82 endpoints[0].signing.secrets[1]: got <redacted>, expected a Svix secret: "whsec_" followed by base64',
    ]);
    expect(errorsOf('{ scheme: standard-webhooks, secret_files: [good.txt, bad.txt] }')).toEqual([
      'hookwatch.yaml:4:68 endpoints[0].signing.secret_files[1]: got "bad.txt", expected a file holding a Standard Webhooks secret: "whsec_" followed by base64',
    ]);
  });

  it('accepts the same text for the schemes that sign with the secret\'s bytes', () => {
    for (const scheme of ['stripe', 'github', 'slack', 'hmac-sha256']) expect(errorsOf(`{ scheme: ${scheme}, secret: "whsec_notbase64!" }`)).toEqual([]);
  });
});
