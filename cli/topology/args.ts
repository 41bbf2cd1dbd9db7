/** Flag files of the scale-out output: one argument per line after a header comment. */
import { withHeader, type GeneratedFile } from '../../output/index.js';

/** Where `hookwatch build` writes the scale-out topology's files. */
export const SCALE_OUT_DIR = 'scale-out';

/**
 * `usage` shows how the flags are passed (`grep -v '^#' FILE | xargs …`),
 * and `notes` are extra comment lines (what the flags cannot express).
 */
export function argsFile(path: string, args: readonly string[], source: string, usage: string, notes: readonly string[] = []): GeneratedFile {
  const comments = [`usage (from the build output folder): grep -v '^#' ${path} | xargs ${usage}`, ...notes].map((l) => `# ${l}`);
  return { path, content: withHeader([...comments, ...args].join('\n'), '#', source) };
}

/** The argument lines of an args file (comments dropped), as the usage line passes them. */
export function readArgs(content: string): string[] {
  return content.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}
