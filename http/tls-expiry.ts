import type { PeerCertificate, DetailedPeerCertificate, TLSSocket } from 'node:tls';

/**
 * Unix seconds at which the earliest certificate of the served chain
 * expires (blackbox's `probe_ssl_earliest_cert_expiry`).
 */
export function earliestCertExpiry(socket: TLSSocket): number | undefined {
  let cert: DetailedPeerCertificate | PeerCertificate | undefined;
  try {
    cert = socket.getPeerCertificate(true);
  } catch {
    return undefined;
  }
  let earliest: number | undefined;
  const seen = new Set<string>();
  while (cert && 'valid_to' in cert && cert.valid_to && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const t = Date.parse(cert.valid_to) / 1000;
    if (Number.isFinite(t)) earliest = Math.min(earliest ?? t, t);
    cert = (cert as DetailedPeerCertificate).issuerCertificate;
  }
  return earliest;
}
