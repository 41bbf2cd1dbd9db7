/**
 * Maps a network error to a probe result. A failed probe is a result (a
 * catalog label value), never an exception.
 */
import type { ProbeResult } from '../catalog/index.js';

export interface RequestFailure {
  readonly result: Extract<ProbeResult, 'timeout' | 'connect_error' | 'dns_error' | 'tls_error'>;
  /** Short human text: the error code and message. */
  readonly detail: string;
}

const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const TIMEOUT = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ABORT_ERR']);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== 'object') return undefined;
  if (typeof e.code === 'string' && e.code !== 'UND_ERR_SOCKET') return e.code;
  return codeOf(e.cause) ?? (typeof e.code === 'string' ? e.code : undefined);
}

/** `aborted` is true when the probe's own timeout fired. */
export function classifyError(err: unknown, aborted: boolean): RequestFailure {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  const detail = code ? `${code}: ${message}` : message;
  if (aborted || (code && TIMEOUT.has(code)) || (err as Error)?.name === 'TimeoutError') return { result: 'timeout', detail: aborted ? 'timed out' : detail };
  if (code && DNS.has(code)) return { result: 'dns_error', detail };
  if ((code && TLS_CODE.test(code)) || /certificate|ssl|tls/i.test(message)) return { result: 'tls_error', detail };
  return { result: 'connect_error', detail };
}
