import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkGeneratedFiles, unroutedWarnings } from '../../alerts/index.js';
import { missingSources, settingsFrom } from '../../exporter/index.js';
import { configFrom, parse } from '../args.js';
import { buildFiles } from '../build-files.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch check --config FILE [--no-tools]

Validates the config and prints one line per problem (exit code 1 if any).
Then builds the generated files into a temporary folder and, when promtool
and amtool are installed, checks them with the real tools.`;

export const check: Command = {
  async run(argv) {
    const opts = parse(argv, { config: { type: 'string', short: 'c' }, 'no-tools': { type: 'boolean' } }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    console.log(`${opts.config}: ok (${config.endpoints.length} endpoint${config.endpoints.length === 1 ? '' : 's'})`);
    for (const w of unroutedWarnings(config)) console.error(`${opts.config}: warning: ${w}`);
    // Warnings, not errors: a log file may well be created after the exporter starts.
    for (const m of missingSources(settingsFrom(config))) console.error(`${opts.config}: warning: ${m}; export waits for it, export --once fails`);
    if (opts['no-tools']) return 0;
    const dir = mkdtempSync(join(tmpdir(), 'hookwatch-check-'));
    try {
      for (const f of buildFiles(config)) {
        mkdirSync(dirname(join(dir, f.path)), { recursive: true });
        writeFileSync(join(dir, f.path), f.content);
      }
      const r = checkGeneratedFiles(dir);
      for (const line of r.lines) (r.ok ? console.log : console.error)(line);
      return r.ok ? 0 : 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
