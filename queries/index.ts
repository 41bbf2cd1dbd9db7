/**
 * Every SLI expression, written once and read by both generators:
 * dashboards/ call them with Grafana variables and `$__rate_interval`,
 * alerts/ with endpoint scopes and fixed windows, and the recording rules
 * record some of them. Built only from the catalog's metrics and helpers.
 */
export * from './delivery.js';
export * from './synthetic.js';
export * from './probes.js';
