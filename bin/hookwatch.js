#!/usr/bin/env node
// The published entry point: the compiled CLI (npm run build writes dist/).
import('../dist/cli/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { if (typeof code === 'number') process.exitCode = code; },
  (err) => { console.error(`hookwatch: ${err?.stack ?? err}`); process.exitCode = 2; },
);
