/**
 * How often a check runs, in seconds: the interval itself, or for a cron
 * schedule the typical (median) gap between its runs. The latency chart's
 * buckets are at least this wide, so consecutive probes fall into
 * consecutive buckets.
 */
import { parse } from 'node-cron';
import type { Schedule } from '../config/index.js';

/** Cron fields from the finest: the values' name, their cycle and the seconds one step is worth. */
const FIELDS = [['second', 60, 1], ['minute', 60, 60], ['hour', 24, 3600]] as const;
const DAY = 86_400;

export function cadenceSeconds(schedule: Schedule): number {
  if (schedule.kind === 'interval') return schedule.every.seconds;
  const fields = parse(schedule.expr);
  // The finest field with more than one value sets the pace; the coarser
  // ones only say when it runs at all (a single value everywhere: daily or rarer).
  for (const [name, cycle, unit] of FIELDS) {
    const values = [...new Set(fields[name])].sort((a, b) => a - b);
    if (values.length > 1) return median(values.map((v, i) => ((values[i + 1] ?? values[0]! + cycle) - v))) * unit;
  }
  return DAY;
}

/** The lower median (an actual gap of the schedule, not an average of two). */
function median(gaps: number[]): number {
  const sorted = [...gaps].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
