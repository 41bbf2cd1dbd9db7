/**
 * Named defaults: every value hookwatch assumes when the config is silent.
 * Documented here once; the schema and the generators read them from here.
 */
import { duration } from './duration.js';

export const PROBER_DEFAULTS = {
  region: 'local',
  schedule: '*/15 * * * * *',
  timeoutSeconds: 10,
  listen: '127.0.0.1:9468',
  bodyLimitBytes: 64 * 1024,
  userAgent: 'hookwatch-prober/0.1',
  historySize: 1440,
} as const;

export const EXPORTER_DEFAULTS = {
  listen: '127.0.0.1:9469',
  stateDir: '.hookwatch',
  checkpointInterval: duration(1),
  pollInterval: duration(0.25),
  maxLineBytes: 1024 * 1024,
  labelLimit: 200,
  ingestMaxBodyBytes: 10 * 1024 * 1024,
} as const;

export const ALERT_DEFAULTS = {
  failureRate: { threshold: 0.05, for: duration(300), window: duration(300), minRatePerSecond: 0.01 },
  endpointDown: { for: duration(120), minRegions: 1 },
  responseTime: { p95Seconds: 2, failP95Seconds: 5, degradationFactor: 2, for: duration(600) },
  dlq: { maxDepth: 100, growthFor: duration(900) },
  rateLimit: { remainingRatio: 0.1, for: duration(300) },
  retryRate: { threshold: 0.2, for: duration(900) },
  signature: { for: duration(300) },
  tls: { warningDays: 14, criticalDays: 3 },
  exporterStalledFor: duration(600),
  absentFor: duration(300),
  scrapeInterval: duration(15),
  evaluationInterval: duration(30),
} as const;

export const NOTIFY_DEFAULTS = {
  groupWait: duration(30),
  groupInterval: duration(300),
  repeatInterval: duration(4 * 3600),
  routes: { critical: ['pagerduty', 'slack'], warning: ['slack'], info: [] as string[] },
} as const;
