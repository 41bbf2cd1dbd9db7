/**
 * Whether a secret can sign for a scheme, so a config loader can refuse it
 * up front instead of `signHeaders` throwing at every send.
 */
import { standardWebhooksKey } from './standard-webhooks.js';
import type { SchemeName } from './types.js';

/**
 * What the scheme expects of a secret, or undefined when this one is usable.
 * Standard Webhooks and Svix decode the key from base64 after `whsec_`;
 * the other schemes use the secret's bytes as they are, so any non-empty
 * string signs.
 */
export function validateSecret(scheme: SchemeName, secret: string): string | undefined {
  if (secret === '') return 'a non-empty secret';
  if ((scheme === 'standard-webhooks' || scheme === 'svix') && !standardWebhooksKey(secret)) {
    return `a ${scheme === 'svix' ? 'Svix' : 'Standard Webhooks'} secret: "whsec_" followed by base64`;
  }
  return undefined;
}
