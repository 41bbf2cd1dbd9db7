/**
 * Runs each job on its schedule: node-cron for cron expressions (seconds
 * allowed, `noOverlap`), a timer for plain intervals. A run that finds the
 * previous one still going is skipped and counted, never queued.
 */
import { createTask, type ScheduledTask } from 'node-cron';
import type { Schedule } from '../config/index.js';

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

export class Scheduler {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
  }

  get keys(): string[] {
    return [...this.#entries.keys()];
  }

  /** Starts a job; with `runNow` it also runs once immediately. */
  add(job: Job, runNow = true): void {
    this.remove(job.key);
    const entry: Entry = { job, stop: () => undefined };
    const fire = (plannedMs: number): void => {
      if (entry.running) {
        job.onSkip();
        return;
      }
      job.onDrift((this.#clock() - plannedMs) / 1000);
      entry.running = job.run().catch(() => undefined).finally(() => {
        entry.running = undefined;
      });
    };
    if (job.schedule.kind === 'cron') {
      // `fire` returns at once and does the skip-and-count itself: node-cron's
      // noOverlap cannot see runs started by runNow or still draining.
      const task: ScheduledTask = createTask(job.schedule.expr, (ctx) => fire(ctx.date.getTime()), { name: job.key, noOverlap: true, logger: QUIET });
      void task.start();
      entry.stop = () => void task.destroy();
    } else {
      const every = job.schedule.every.seconds * 1000;
      const t0 = this.#clock();
      let n = 0;
      let timer: NodeJS.Timeout;
      const tick = (): void => {
        n += 1;
        fire(t0 + n * every);
        timer = setTimeout(tick, Math.max(0, t0 + (n + 1) * every - this.#clock()));
      };
      timer = setTimeout(tick, every);
      entry.stop = () => clearTimeout(timer);
    }
    this.#entries.set(job.key, entry);
    if (runNow) fire(this.#clock());
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
    await Promise.all(this.keys.map((k) => this.remove(k)));
  }
}
