/** One `hookwatch` command: the CLI calls `run` with the arguments after its name. */
export interface Command {
  run(argv: readonly string[]): Promise<number>;
}
