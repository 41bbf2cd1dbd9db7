/**
 * The `Idempotency-Key` header of an ingest POST: a client's name for one
 * batch, so a retry of it is applied at most once. Bounded and plain (it
 * is stored in the checkpoint and may be logged): 1 to 128 letters,
 * digits, `-`, `_`, `.` or `:`, which a UUID, a ULID, base64url or
 * `client:sequence` all fit.
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const KEY_MAX_LENGTH = 128;
const KEY_CHARS = /^[A-Za-z0-9._:-]*$/;

export type KeyResult = { readonly key: string | null } | { readonly error: string };

/** The key a request carries (null without the header), or why it is refused. */
export function readIdempotencyKey(value: string | readonly string[] | undefined): KeyResult {
  if (value === undefined) return { key: null };
  // Node joins repeated headers with ", " (which the charset refuses); an array is one header sent twice.
  if (typeof value !== 'string') return { error: 'Idempotency-Key: sent more than once, expected one key per batch' };
  if (value.length === 0) return { error: 'Idempotency-Key: empty, expected 1 to 128 characters (or no header at all)' };
  if (value.length > KEY_MAX_LENGTH) return { error: `Idempotency-Key: got ${value.length} characters, expected at most ${KEY_MAX_LENGTH}` };
  if (!KEY_CHARS.test(value)) return { error: 'Idempotency-Key: expected only letters, digits, "-", "_", "." and ":" (one key per batch)' };
  return { key: value };
}
