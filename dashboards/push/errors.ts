/**
 * Errors of the Grafana HTTP API, as one line that says what to do. The
 * CLI prints `message` and exits 1.
 */
import { maskUrls } from '../../config/index.js';

/** Why a status usually happens when pushing dashboards, and the fix. */
const HINTS: Record<number, string> = {
  400: 'Grafana rejected the request (a dashboard provisioned from files cannot be overwritten through the API)',
  401: 'Grafana rejected the credentials; check the service-account token (or user and password)',
  403: 'the credentials lack permission; the service account needs the Editor role (folders:create, dashboards:write) on the folder',
  404: 'not found; check that --grafana-url is the Grafana root URL, including any sub-path',
  412: 'Grafana refused to overwrite',
};

/** Descriptions of Grafana's 412 `status` values on `/api/dashboards/db`. */
const PRECONDITIONS: Record<string, string> = {
  'version-mismatch': 'a newer version of the dashboard exists',
  'name-exists': 'another dashboard with the same title already exists in the folder; rename or delete it',
  'plugin-dashboard': 'a plugin dashboard already uses this uid',
};

/** Grafana answered with an error status; `message` is one line naming the request, the status and the fix. */
export class GrafanaApiError extends Error {
  readonly code = 'HOOKWATCH_GRAFANA_HTTP';
  override readonly name = 'GrafanaApiError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** Grafana's own `message` (and `status` on 412), when the body had one. */
    readonly grafanaMessage?: string,
    readonly grafanaStatus?: string,
  ) {
    super(GrafanaApiError.format(method, path, status, grafanaMessage, grafanaStatus));
  }

  static format(method: string, path: string, status: number, message?: string, grafanaStatus?: string): string {
    const precondition = status === 412 && grafanaStatus ? `: ${PRECONDITIONS[grafanaStatus] ?? grafanaStatus}` : '';
    const hint = HINTS[status] ?? 'unexpected answer';
    const said = message ? ` (Grafana: "${oneLine(message)}")` : '';
    return `Grafana ${method} ${path} → ${status}: ${hint}${precondition}${said}`;
  }
}

/** Grafana could not be reached at all (DNS, refused connection, timeout). */
export class GrafanaUnreachableError extends Error {
  readonly code = 'HOOKWATCH_GRAFANA_UNREACHABLE';
  override readonly name = 'GrafanaUnreachableError';

  /** `mask` hides what the cause may echo (the URL's credentials, the token). */
  constructor(readonly url: string, cause: unknown, mask: (text: string) => string = maskUrls) {
    super(`Cannot reach Grafana at ${url}: ${mask(oneLine(causeText(cause)))}`);
  }
}

function causeText(err: unknown): string {
  if (err instanceof Error) {
    const inner = (err as { cause?: unknown }).cause;
    return inner instanceof Error ? `${err.message} (${inner.message})` : err.message;
  }
  return String(err);
}

/** Messages are printed on one line; Grafana sometimes includes newlines. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300);
}
