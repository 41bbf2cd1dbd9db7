/**
 * Certificates for TLS tests, made by openssl in a temp dir: self-signed for
 * 127.0.0.1 (valid, or long expired), or for another name (a hostname
 * mismatch when served on 127.0.0.1). Trusting one with `ca_file` leaves its
 * date or name as the only thing wrong with it.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SelfSigned {
  readonly key: string;
  readonly cert: string;
  /** Unix seconds of notAfter. */
  readonly notAfter: number;
  readonly certFile: string;
  cleanup(): void;
}

export interface CertOptions {
  /** Subject and subjectAltName; 127.0.0.1 by default. */
  readonly name?: { readonly cn: string; readonly san: string };
  /** Valid in January 2020 only. */
  readonly expired?: boolean;
}

const LOCAL = { cn: '127.0.0.1', san: 'IP:127.0.0.1' };
const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

/** `openssl ca` is the one 3.0 command that takes explicit dates, so an expired certificate needs a tiny CA config. */
function signExpired(dir: string, name: { cn: string; san: string }): void {
  const cnf = join(dir, 'ca.cnf');
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(cnf, [
    '[ca]', 'default_ca = test',
    '[test]', `database = ${join(dir, 'index.txt')}`, `new_certs_dir = ${dir}`, `serial = ${join(dir, 'serial')}`, 'default_md = sha256', 'policy = any', 'unique_subject = no',
    '[any]', 'commonName = supplied',
    '[req]', 'distinguished_name = dn', 'prompt = no',
    '[dn]', `CN = ${name.cn}`,
    '[leaf]', `subjectAltName = ${name.san}`, 'basicConstraints = CA:FALSE', '',
  ].join('\n'));
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-config', cnf, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'req.csr')]);
  openssl(['ca', '-batch', '-config', cnf, '-selfsign', '-keyfile', join(dir, 'key.pem'), '-in', join(dir, 'req.csr'), '-out', join(dir, 'cert.pem'),
    '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-extensions', 'leaf', '-notext']);
}

/** A self-signed certificate valid for `days` (ignored when expired). */
export function selfSigned(days: number, o: CertOptions = {}): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'hookwatch-tls-'));
  const name = o.name ?? LOCAL;
  if (o.expired) {
    signExpired(dir, name);
  } else {
    openssl([
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', String(days),
      '-subj', `/CN=${name.cn}`, '-addext', `subjectAltName=${name.san}`,
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ]);
  }
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  return {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert,
    notAfter: Date.parse(new X509Certificate(cert).validTo) / 1000,
    certFile: join(dir, 'cert.pem'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
