/**
 * The config as `build --kubernetes` reads it. Its secret files live in the
 * cluster (the Secret mounted into the pods), not on the machine that
 * builds, and nothing built holds a secret, so a secret file that is not
 * there reads as a placeholder every scheme accepts; the pods read the real
 * ones and refuse a bad one at start. Everything else is validated as usual.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../../config/index.js';

/** "whsec_" and base64: a Standard Webhooks / Svix key shape, which every other scheme accepts too. */
const PLACEHOLDER = `whsec_${Buffer.alloc(24).toString('base64')}`;

export function loadForKubernetes(path: string, env: Readonly<Record<string, string | undefined>>): { config: Config; text: string } {
  const abs = resolve(path);
  const text = readFileSync(abs, 'utf8');
  const readFile = (p: string) => (resolve(p) === abs ? text : existsSync(p) ? readFileSync(p, 'utf8') : PLACEHOLDER);
  return { config: loadConfig(abs, { env, readFile }), text };
}
