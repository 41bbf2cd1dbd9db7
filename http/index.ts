/**
 * Outbound HTTP, shared by the prober and the traffic senders: the timed
 * request on a fresh connection, failure classification, rate-limit
 * headers, TLS expiry, the synthetic event body and its signature headers.
 */
export { timedRequest, type RequestOutcome, type TimedRequest, type TimedResponse } from './timed-request.js';
export { classifyError, type RequestFailure } from './classify.js';
export { parseRateLimit, parseRetryAfter, type RateLimit } from './rate-limit.js';
export { renderBody, syntheticEvent, type SyntheticEvent } from './event-body.js';
export { signatureHeaders, type SignedEvent } from './signed-headers.js';
