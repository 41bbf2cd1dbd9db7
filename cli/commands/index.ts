/** The table of commands, one file each. */
export interface Command {
  readonly summary: string;
  run(argv: readonly string[]): Promise<number>;
}

import { build } from './build.js';
import { check } from './check.js';
import { dashboards } from './dashboards.js';
import { exportCommand } from './export.js';
import { backfillCommand } from './backfill.js';
import { probe } from './probe.js';
import { send } from './send.js';
import { loadtest } from './loadtest.js';
import { up } from './up.js';
import { receive } from './receive.js';
import { simulate } from './simulate.js';
import { stack } from './stack.js';

export const COMMANDS: Record<string, Command> = {
  build,
  check,
  dashboards,
  export: exportCommand,
  backfill: backfillCommand,
  probe,
  send,
  loadtest,
  up,
  receive,
  simulate,
  stack,
};
