/**
 * The `hookwatch` command: argv → config → core. Maps typed errors to
 * messages and exit codes (0 ok, 1 check failed or bad input, 2 usage/internal).
 */
import { ConfigError } from '../config/index.js';
import { UsageError } from './args.js';
import { COMMANDS } from './commands/index.js';

const USAGE = `usage: hookwatch <command> [options]

commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`).join('\n')}

Run "hookwatch <command> --help" for a command's options.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const { VERSION } = await import('./version.js');
    console.log(VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`hookwatch: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
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
