/**
 * vitest global setup: compiles the sources to dist/ once (the Node code
 * and the status page's browser script), so integration tests run the real
 * `hookwatch` binary as a child process. The build is skipped when dist/ was
 * built from these very sources, and a lock keeps two runs (or a run and
 * `npm start`) from rewriting dist/ under each other: both are
 * scripts/build-if-stale.mjs, which `npm start` runs too.
 */
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

export default function setup(): void {
  // Type errors are reported by `npm run typecheck`; tsc still emits JS.
  buildIfStale({ allowTypeErrors: true });
}
