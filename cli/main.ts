/**
 * The `hookwatch` command: argv → config → core. Maps typed errors to
 * messages and exit codes (0 ok, 1 check failed or bad input, 2 usage/internal).
 * Only the dispatch is imported up front: the config schema and the
 * commands load when one runs (`export --once` first sets a heap flag,
 * ./heap.ts, which has to come before the schema's allocations).
 */
import { COMMANDS } from './commands/index.js';
import { keepYoungGenerationSmall } from './heap.js';
import { dispatch } from './program.js';

export async function main(argv: readonly string[]): Promise<number> {
  const chosen = dispatch(argv);
  if ('exit' in chosen) return chosen.exit;
  const { run: name, argv: rest } = chosen;
  const command = COMMANDS[name]!;
  if (name === 'export' && rest.includes('--once')) keepYoungGenerationSmall();
  try {
    return await command.run(rest);
  } catch (err) {
    // Both modules are loaded by then (every command reads its flags and config through them).
    const [{ ConfigError }, { UsageError }] = await Promise.all([import('../config/index.js'), import('./args.js')]);
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
