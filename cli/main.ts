/**
 * The `hookwatch` command: argv → config → core. Maps typed errors to
 * messages and exit codes (0 ok, 1 check failed or bad input, 2 usage/internal).
 */
import { ConfigError } from '../config/index.js';
import { UsageError } from './args.js';
import { COMMANDS } from './commands/index.js';
import { dispatch } from './program.js';

export async function main(argv: readonly string[]): Promise<number> {
  const chosen = dispatch(argv);
  if ('exit' in chosen) return chosen.exit;
  const { run: name, argv: rest } = chosen;
  const command = COMMANDS[name]!;
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const line of err.message.split('\n')) console.error(line);
      return 1;
    }
    if (err instanceof UsageError) {
      console.error(`hookwatch ${name}: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
