/**
 * The traffic senders: the simulator (a webhook platform in miniature,
 * with retries and a dead-letter queue) and the bounded load test.
 */
export { Simulator, SYSTEM_CLOCK, type Send, type SimClock, type SimulatorOptions, type SimulatorStats } from './simulator/simulator.js';
export * from './loadtest/index.js';
