// Writes docs/configuration.md from the config schema (run through `npm run docs`,
// which builds first). test/unit/config/reference.test.ts fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { configurationReference } from '../dist/config/reference/index.js';

const out = new URL('../docs/configuration.md', import.meta.url);
writeFileSync(out, configurationReference());
console.log('wrote docs/configuration.md');
