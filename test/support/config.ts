import { ConfigError, parseConfig, type Config, type LoadOptions } from '../../config/index.js';

/** Builds a validated Config from YAML text, as the CLI would from a file. */
export function configFromYaml(text: string, env: Record<string, string> = {}): Config {
  return parseConfig(text, { file: 'test.yaml', dir: process.cwd(), env });
}

/** The error lines of a config text named `hookwatch.yaml` in `/cfg`; [] when it is valid. */
export function configErrors(text: string, opts: LoadOptions = {}): string[] {
  try {
    parseConfig(text, { file: 'hookwatch.yaml', dir: '/cfg', readFile: () => '', ...opts });
  } catch (e) {
    if (e instanceof ConfigError) return e.message.split('\n');
    throw e;
  }
  return [];
}
