/**
 * Runs each job on its schedule: node-cron for cron expressions (seconds
 * allowed), a timer for plain intervals. A run that finds the previous one
 * still going is skipped and counted, never queued.
 *
 * Starts are spread (`spread.ts`): a job probes at a stable place in its
 * interval from a hash of its key, never all jobs at the top of the second.
 * Every job has its own place in one timer queue (`timer-queue.ts`: a heap
 * and a single Node timer, not a Node timer per job) and its run is never
 * awaited by another's, so a slow probe delays nothing but its own next run.
 */
import { createTask, type ScheduledTask } from 'node-cron';
import type { Schedule } from '../config/index.js';
import { nextSlot, spreadFraction } from './spread.js';
import { TimerQueue, type Timed } from './timer-queue.js';

export interface Job {
  readonly key: string;
  readonly schedule: Schedule;
  run(): Promise<void>;
  /** A scheduled run was skipped because the previous one was still running. */
  onSkip(): void;
  /** How late (seconds) a run started after its scheduled time. */
  onDrift(seconds: number): void;
}

interface Entry {
  readonly job: Job;
  stop(): void;
  running?: Promise<void>;
}

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };

/** A job added with `runNow` first runs within this long (or its period, if shorter), spread by its key. */
export const FIRST_RUN_SPREAD_MS = 1000;
/** A cron job's start is delayed by its spread over at most this long (or its period, if shorter). */
export const CRON_SPREAD_MAX_MS = 60_000;

export class Scheduler {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;
  readonly #queue: TimerQueue;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
    this.#queue = new TimerQueue(clock);
  }

  get keys(): string[] {
    return [...this.#entries.keys()];
  }

  /**
   * Starts a job; with `runNow` it also runs once soon, at its spread place
   * within `runNow` ms (`true`: `FIRST_RUN_SPREAD_MS`) or its period if
   * shorter, unless its first slot comes as soon.
   */
  add(job: Job, runNow: boolean | number = true): void {
    this.remove(job.key);
    const entry: Entry = { job, stop: () => undefined };
    const queue = this.#queue;
    // One-off starts (a cron match's offset, the first run): made only when needed.
    let timers: Set<Timed> | undefined;
    const at = (plannedMs: number, fn: () => void): void => {
      const item: Timed = { at: plannedMs, fire: () => { timers?.delete(item); fn(); } };
      (timers ??= new Set()).add(item);
      queue.push(item);
    };
    const fire = (plannedMs: number): void => {
      if (entry.running) {
        job.onSkip();
        return;
      }
      job.onDrift(Math.max(0, this.#clock() - plannedMs) / 1000);
      entry.running = job.run().catch(() => undefined).finally(() => {
        entry.running = undefined;
      });
    };
    const fraction = spreadFraction(job.key);
    let periodMs: number;
    let stopSchedule: () => void;
    let firstSlotMs: number;
    if (job.schedule.kind === 'cron') {
      // node-cron fires every matching job at the top of its second; each
      // run waits for its own offset into the gap before the next match.
      const task: ScheduledTask = createTask(job.schedule.expr, (ctx) => {
        const planned = ctx.date.getTime() + offsetMs;
        at(planned, () => fire(planned));
      }, { name: job.key, logger: QUIET });
      const [a, b] = task.getNextRuns(2);
      periodMs = a && b ? b.getTime() - a.getTime() : CRON_SPREAD_MAX_MS;
      const offsetMs = fraction * Math.min(periodMs, CRON_SPREAD_MAX_MS);
      firstSlotMs = (a?.getTime() ?? this.#clock()) + offsetMs;
      void task.start();
      stopSchedule = () => void task.destroy();
    } else {
      const every = job.schedule.every.seconds * 1000;
      periodMs = every;
      // The same item goes back into the queue for every slot: a run allocates no timer.
      const slot: Timed = {
        at: 0,
        fire: () => {
          const planned = slot.at;
          fire(planned);
          // A prober stalled for more than an interval resumes at its next slot, not with a burst.
          let next = planned + every;
          if (next < this.#clock() - every) next = nextSlot(job.key, every, this.#clock());
          slot.at = next;
          if (!slot.cancelled) queue.push(slot);
        },
      };
      firstSlotMs = nextSlot(job.key, every, this.#clock());
      slot.at = firstSlotMs;
      queue.push(slot);
      stopSchedule = () => queue.cancel(slot);
    }
    entry.stop = () => {
      stopSchedule();
      for (const t of timers ?? []) queue.cancel(t);
      timers?.clear();
    };
    this.#entries.set(job.key, entry);
    if (runNow !== false) {
      // A first run soon after start (or a reload adding the job), unless its slot comes as soon.
      const window = Math.min(periodMs, runNow === true ? FIRST_RUN_SPREAD_MS : runNow);
      const first = this.#clock() + fraction * window;
      if (firstSlotMs - first > window) at(first, () => fire(first));
    }
  }

  remove(key: string): Promise<void> {
    const e = this.#entries.get(key);
    if (!e) return Promise.resolve();
    e.stop();
    this.#entries.delete(key);
    return e.running ?? Promise.resolve();
  }

  /** Stops every schedule and waits for running jobs to finish. */
  async stop(): Promise<void> {
    const running = this.keys.map((k) => this.remove(k));
    // Nothing is scheduled any more: no timer may hold the process.
    this.#queue.stop();
    await Promise.all(running);
  }
}
