/**
 * A check that throws `SigningError` (a secret its scheme cannot use, which
 * the config loader refuses, so only reachable when a secret changes after
 * the config was checked) is a failed probe like any other: counted as
 * `rejected_signature` (a secret or configuration problem, as the
 * `WebhookSignatureRejected` alert says), logged on the change to down, and
 * never a stopped schedule or a crashed `send`.
 */
import { SigningError } from '../../signing/index.js';
import type { CheckFn } from '../types.js';
import { CHECK_FNS } from './index.js';

export const runCheck: CheckFn = async (target, env) => {
  const startedAt = env.nowSeconds();
  try {
    return await CHECK_FNS[target.check.kind](target, env);
  } catch (err) {
    if (!(err instanceof SigningError)) throw err;
    return {
      endpoint: target.endpoint.name, check: target.check.kind, result: 'rejected_signature', success: false, degraded: false,
      status: 0, durationSeconds: 0, phases: {}, startedAt, detail: `not sent: cannot sign with the configured secret (${err.message})`,
    };
  }
};
