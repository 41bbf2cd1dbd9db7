/**
 * A tiny glob: `*` and `?` (and `[abc]`) in the last path segment only,
 * which covers log folders (`/var/log/webhooks/*.jsonl`) without a
 * dependency (Node 20 has no fs.glob).
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** True when the path has wildcards. */
export function isGlob(path: string): boolean {
  return /[*?[]/.test(path);
}

/** Compiles the file-name pattern to a RegExp. Dot files match only an explicit leading dot. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/\\/g, '\\\\').replace(/^!/, '^')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^(?!\\.)${re}$`);
}

/** Paths currently matching, sorted (stable order for tests and checkpoints). */
export async function expandGlob(path: string): Promise<string[]> {
  if (!isGlob(path)) return [path];
  const dir = dirname(path);
  if (isGlob(dir)) throw new Error(`${path}: wildcards are only supported in the file name`);
  const re = globToRegExp(basename(path));
  const explicitDot = basename(path).startsWith('.');
  try {
    const names = await readdir(dir);
    return names.filter((n) => (explicitDot ? new RegExp(re.source.replace('^(?!\\.)', '^')).test(n) : re.test(n))).sort().map((n) => join(dir, n));
  } catch {
    return []; // folder missing: waited for like a missing file
  }
}
