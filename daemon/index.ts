/** What every long-running part shares, below the CLI: one logger, one way to listen, the health answers, closing, the process metrics and the exposition's value and header formatting. */
export { createLogger, silentLogger, LEVELS, FORMATS, type Logger, type LoggerOptions, type Level, type Format, type Fields } from './log.js';
export { answerHealth, closeServer, HEALTH_PATHS, HEALTH_TEXT } from './http.js';
export { processMetrics } from './process-metrics.js';
export { formatValue, familyHeader } from './exposition.js';
// createMetric (prom-client's metric classes) is imported from './catalog-metric.js' by the receiver library alone, so loading this folder does not load prom-client.
export type { AnyMetric, MetricShape } from './catalog-metric.js';
export { listen, ListenError, type ListenAt, type ListenErrorCode } from './listen.js';
