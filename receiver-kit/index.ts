/**
 * `hookwatch/receiver`: observe your own webhook receiver the way hookwatch
 * observes its reference receiver. Verify the signature against the raw
 * body (stale and replayed requests refused), skip redeliveries by event id,
 * and record processing time, outcome and end-to-end latency under the
 * catalog's metric names, on your prom-client registry or in a delivery log.
 *
 * ```ts
 * const hook = createWebhook({ endpoint: 'payments-primary', scheme: 'stripe', secrets: [secret], registry });
 * app.post('/webhook', expressWebhook(hook, async (event) => { ... }));
 * ```
 */
export { createWebhook, REQUEST_ID_HEADER, type Webhook, type WebhookOptions, type WebhookRequest, type WebhookResponse, type WebhookEvent, type WebhookHandler, type Verified, type Refused, type Rejection } from './webhook.js';
export { memoryStore, fileStore, redisStore, type DedupeStore, type LocalStoreOptions, type RedisStoreOptions } from './stores.js';
export { RespClient, RedisError, type RedisCommander, type RespOptions } from './resp.js';
export { nodeWebhook } from './node.js';
export { expressWebhook, PARSED_BODY_ERROR, type ExpressLikeMiddleware, type ExpressLikeRequest } from './express.js';
export { fastifyWebhook, type FastifyWebhookOptions, type FastifyLikeInstance, type FastifyLikeReply, type FastifyLikeRequest } from './fastify.js';
export { TemporaryError, PermanentError } from './errors.js';
export { RotatingLogWriter, MemoryLogWriter, type LogWriter, type DeliveryRecord } from './delivery-log.js';
export { RECEIVER_METRICS } from './observe.js';
export { SCHEME_NAMES, type SchemeName, type GenericOptions, type VerifyFailure } from '../signing/index.js';
