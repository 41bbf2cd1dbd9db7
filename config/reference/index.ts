/** The configuration reference (docs/configuration.md), rendered from the schema. */
import { rootSchema } from '../schema/root.js';
import { renderReference } from './render.js';
import { HEADER, SECTIONS } from './sections.js';
import { walk, type KeyRow } from './walk.js';

export type { KeyRow } from './walk.js';
export { SECTIONS } from './sections.js';

/** Every key of hookwatch.yaml, in schema order. */
export function configKeys(): KeyRow[] {
  // The context reads secret files; walking the schema reads none.
  return walk(rootSchema({ readSecretFile: () => '', resolvePath: (p) => p }));
}

/** The text of docs/configuration.md. */
export function configurationReference(): string {
  return renderReference(HEADER, SECTIONS, configKeys());
}
