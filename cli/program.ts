/**
 * The command-line dispatch, by commander: one subcommand per entry of
 * COMMANDS (its module still imported only when it runs), `help [CMD]`,
 * `-v`/`--version`, and "did you mean" for a mistyped command. Each command
 * parses its own flags (cli/args.ts) and prints its own help, so commander
 * hands it the arguments after its name untouched.
 */
import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands/index.js';
import { VERSION } from './version.js';

const AFTER_HELP = `
Run "hookwatch help <command>" (or "hookwatch <command> --help") for a command's options.
--config FILE defaults to ./hookwatch.yaml when that file exists.`;

/** What the program decided: a command to run with its arguments, or an exit code (help, version, usage error). */
export type Dispatch = { readonly run: string; readonly argv: readonly string[] } | { readonly exit: number };

/** commander's `error: unknown command 'chek'\n(Did you mean check?)` as one line. */
function oneLine(message: string): string {
  return `hookwatch: ${message.trim().replace(/^error: /, '').replace(/\n\(Did you mean (.+)\?\)$/, ' (did you mean $1?)')}`;
}

function program(argv: readonly string[], chosen: (d: Dispatch) => void): Command {
  const p = new Command('hookwatch')
    .usage('<command> [options]')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'print this help')
    .helpCommand(false)
    // -v and -h are the program's only before the command: after it, every flag is the command's.
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .configureHelp({ subcommandTerm: (c) => c.name(), helpWidth: 120 })
    .addHelpText('after', AFTER_HELP)
    .configureOutput({ outputError: (str, write) => write(`${oneLine(str)}\n`) })
    .exitOverride();
  for (const [name, entry] of Object.entries(COMMANDS)) {
    p.command(name).summary(entry.summary).description(entry.summary)
      .helpOption(false).allowUnknownOption().allowExcessArguments().argument('[args...]')
      // The program has no options of its own besides -h and -v, which exit: the name is argv[0].
      .action(() => chosen({ run: name, argv: argv.slice(1) }));
  }
  p.command('help').summary('print the commands, or one command\'s help').argument('[command]')
    .action((name?: string) => {
      if (name === undefined) p.outputHelp();
      // A known command prints its own help; an unknown one gets the same error (and suggestion) as running it.
      chosen(name === undefined ? { exit: 0 } : COMMANDS[name] ? { run: name, argv: ['--help'] } : dispatch([name]));
    });
  return p;
}

/** Parses the top level of argv. Usage errors (printed as one line) exit 2. */
export function dispatch(argv: readonly string[]): Dispatch {
  let chosen: Dispatch = { exit: 0 };
  try {
    program(argv, (d) => (chosen = d)).parse([...argv], { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    // Help and version exit 0; no command at all, or a wrong one, is a usage error.
    return { exit: err.exitCode === 0 ? 0 : 2 };
  }
  return chosen;
}
