/**
 * How a handler says what went wrong: a `PermanentError` will not get better
 * by retrying; anything else thrown (a `TemporaryError`, or any error) is
 * worth a retry. The reference receiver and the middleware both read them.
 */

/** A failure worth retrying (a dependency timed out, a lock was busy). */
export class TemporaryError extends Error {
  override readonly name = 'TemporaryError';
}
/** A failure that will not get better by retrying (bad payload, unknown account). */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}
