/**
 * The shapes every check kind shares: one signature for all of them,
 * picked from a table by kind, as blackbox_exporter's probers are.
 */
import type { Check, Phase, ProbeResult } from '../catalog/index.js';
import type { CheckConfig, EndpointConfig } from '../config/index.js';
import type { RateLimit } from '../http/index.js';

export interface ProbeTarget {
  readonly endpoint: EndpointConfig;
  readonly check: CheckConfig;
  readonly region: string;
  readonly bodyLimitBytes: number;
  readonly userAgent: string;
  /** PEM of the endpoint's tls.ca_file, read once when targets are built. */
  readonly ca?: string;
}

/** Clocks and ids, injected so tests are deterministic. */
export interface ProbeEnv {
  /** Wall clock, unix seconds (timestamps in signatures and metrics). */
  nowSeconds(): number;
  /** A fresh event id. */
  newId(): string;
  /** Index of this run, used to rotate event types. */
  readonly sequence: number;
}

export interface ProbeOutcome {
  readonly endpoint: string;
  readonly check: Check;
  readonly result: ProbeResult;
  readonly success: boolean;
  /** Slower than `degraded_after_seconds` but otherwise fine. */
  readonly degraded: boolean;
  /** Last HTTP status, 0 when no response. */
  readonly status: number;
  readonly durationSeconds: number;
  readonly phases: Partial<Record<Phase, number>>;
  /** Unix seconds when the probe started. */
  readonly startedAt: number;
  /** Why it failed, or a short note on success. */
  readonly detail: string;
  readonly tlsExpiry?: number;
  readonly rateLimit?: RateLimit;
  /** Health check: the `status` and `details`/`checks` fields of a JSON body. */
  readonly health?: { readonly status?: string; readonly details?: unknown };
  /** Headers sent (signature values included, secrets never). */
  readonly requestHeaders?: Readonly<Record<string, string>>;
}

/** An outcome while a check builds it (as one literal, its optional fields set only when present). */
export type MutableOutcome = { -readonly [K in keyof ProbeOutcome]: ProbeOutcome[K] };

export type CheckFn = (target: ProbeTarget, env: ProbeEnv) => Promise<ProbeOutcome>;
