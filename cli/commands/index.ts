/** The table of commands, one file each. */
export interface Command {
  readonly summary: string;
  run(argv: readonly string[]): Promise<number>;
}

import { check } from './check.js';

export const COMMANDS: Record<string, Command> = {
  check,
};
