/** What every long-running part shares, below the CLI: one logger and one way to listen. */
export { createLogger, silentLogger, LEVELS, FORMATS, type Logger, type LoggerOptions, type Level, type Format, type Fields } from './log.js';
export { listen, ListenError, type ListenAt, type ListenErrorCode } from './listen.js';
