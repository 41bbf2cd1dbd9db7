/** The reference receiver, and the delivery log it (and the traffic simulator) writes. */
export { Receiver, type ReceiverOptions, type Health } from './receiver.js';
export { startReceiverServer, type RunningReceiver } from './server.js';
export { TemporaryError, PermanentError } from './queue.js';
export type { Handler } from './handlers.js';
export { RotatingLogWriter, MemoryLogWriter, isoTime, type LogWriter, type DeliveryRecord } from '../receiver-kit/delivery-log.js';
