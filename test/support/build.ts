/**
 * vitest global setup: compiles the sources to dist/ once, so integration
 * tests run the real `hookwatch` binary as a child process.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (err) {
    // Type errors are reported by `npm run typecheck`; tsc still emits JS.
    const out = String((err as { stdout?: Buffer }).stdout ?? '');
    if (!out.includes('error TS')) throw err;
  }
}
