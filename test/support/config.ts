import { parseConfig, type Config } from '../../config/index.js';

/** Builds a validated Config from YAML text, as the CLI would from a file. */
export function configFromYaml(text: string, env: Record<string, string> = {}): Config {
  return parseConfig(text, { file: 'test.yaml', dir: process.cwd(), env });
}
