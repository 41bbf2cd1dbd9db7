/** The README's command table names every `hookwatch` command (and commander's `help`), and only those. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMANDS } from '../../../cli/commands/index.js';
import { ROOT } from '../../support/tools.js';

it('lists every command of cli/commands/index.ts in the README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The command'), readme.indexOf('\n## ', readme.indexOf('## The command') + 1));
  const listed = [...section.matchAll(/^\| `([a-z]+)[^`]*` \|/gm)].map((m) => m[1] as string);
  expect(listed.sort()).toEqual([...Object.keys(COMMANDS), 'help'].sort());
});
