import { z } from 'zod';
import { DEFAULT_GENERIC, SCHEME_NAMES, validateSecret } from '../../signing/index.js';
import { secretFile, secretValue, type SchemaContext } from './common.js';
import type { Secret } from '../secret.js';
import { SIGNING_DEFAULTS } from '../defaults.js';

/** The signing module's schemes, and `none` for an endpoint that signs nothing. */
export const SIGNING_SCHEMES = [...SCHEME_NAMES, 'none'] as const;
export type SigningScheme = (typeof SIGNING_SCHEMES)[number];

/** Fields that only the generic `hmac-sha256` scheme takes. */
const GENERIC_KEYS = ['header', 'prefix', 'encoding', 'template', 'timestamp_header', 'id_header'] as const;

/**
 * How an endpoint's webhooks are signed.
 *
 * ```yaml
 * signing:
 *   scheme: standard-webhooks
 *   secret: ${env:PRIMARY_WEBHOOK_SECRET}     # or secret_file, or secrets: [new, old] during rotation
 *   tolerance_seconds: 300
 * ```
 * Every active secret signs (rotation); a verifier accepts any of them.
 */
export function signingSchema(ctx: SchemaContext) {
  return z
    .strictObject({
      scheme: z.enum(SIGNING_SCHEMES, { error: `one of ${SIGNING_SCHEMES.join(', ')}` }).describe('The signature scheme; `none` signs nothing.'),
      secret: secretValue('inline').optional().describe('The secret; exactly one of `secret`, `secrets`, `secret_file`, `secret_files` (unless `none`).'),
      secrets: z.array(secretValue('inline')).min(1, { error: 'at least one secret' }).optional().describe('Several secrets during rotation: every one signs, a verifier accepts any.'),
      secret_file: secretFile(ctx).optional().describe('A file holding the secret (trailing newline trimmed).'),
      secret_files: z.array(secretFile(ctx)).min(1, { error: 'at least one file' }).optional().describe('Several secret files during rotation.'),
      tolerance_seconds: z.number({ error: 'a number of seconds' }).int().positive().default(SIGNING_DEFAULTS.toleranceSeconds).describe('How old a signed timestamp may be before a verifier refuses it.'),
      header: z.string().min(1).optional().meta({ description: '`hmac-sha256` only: the signature header.', default: DEFAULT_GENERIC.header }),
      prefix: z.string().optional().meta({ description: '`hmac-sha256` only: text before the signature.', default: JSON.stringify(DEFAULT_GENERIC.prefix) }),
      encoding: z.enum(['hex', 'base64'], { error: 'one of hex, base64' }).optional().meta({ description: '`hmac-sha256` only.', default: DEFAULT_GENERIC.encoding }),
      template: z.string().min(1).optional().meta({ description: '`hmac-sha256` only: the signed string; `{id}`, `{timestamp}` and `{body}` are replaced.', default: DEFAULT_GENERIC.template }),
      timestamp_header: z.string().min(1).optional().meta({ description: '`hmac-sha256` only.', default: DEFAULT_GENERIC.timestampHeader }),
      id_header: z.string().min(1).optional().meta({ description: '`hmac-sha256` only.', default: DEFAULT_GENERIC.idHeader }),
    })
    .superRefine((s, zctx) => {
      const given = [s.secret, s.secrets, s.secret_file, s.secret_files].filter((x) => x !== undefined).length;
      if (s.scheme !== 'none' && given !== 1) {
        zctx.addIssue({
          code: 'custom',
          path: given === 0 ? ['secret'] : [],
          message: given === 0 ? 'one of secret, secrets, secret_file or secret_files' : 'only one of secret, secrets, secret_file, secret_files',
          input: undefined,
        });
      }
      if (s.scheme !== 'none') secretsFitScheme(s.scheme, s, zctx);
      if (s.scheme !== 'hmac-sha256') {
        for (const k of GENERIC_KEYS) {
          if (s[k] !== undefined) zctx.addIssue({ code: 'custom', path: [k], message: `no "${k}" (only scheme hmac-sha256 takes it)`, input: s[k] });
        }
      } else if (s.template !== undefined && !s.template.includes('{body}')) {
        zctx.addIssue({ code: 'custom', path: ['template'], message: 'a template containing {body}', input: s.template });
      }
    })
    .transform((s) => ({
      scheme: s.scheme,
      secrets: s.secrets ?? s.secret_files ?? (s.secret ? [s.secret] : s.secret_file ? [s.secret_file] : []),
      toleranceSeconds: s.tolerance_seconds,
      generic: {
        header: s.header ?? DEFAULT_GENERIC.header,
        prefix: s.prefix ?? DEFAULT_GENERIC.prefix,
        encoding: s.encoding ?? DEFAULT_GENERIC.encoding,
        template: s.template ?? DEFAULT_GENERIC.template,
        timestampHeader: s.timestamp_header ?? DEFAULT_GENERIC.timestampHeader,
        idHeader: s.id_header ?? DEFAULT_GENERIC.idHeader,
      },
    }));
}

type GivenSecrets = { secret?: Secret; secrets?: Secret[]; secret_file?: Secret; secret_files?: Secret[] };

/** Each secret must be usable by its scheme (a Standard Webhooks secret is `whsec_` + base64): one error per secret. */
function secretsFitScheme(scheme: Exclude<SigningScheme, 'none'>, s: GivenSecrets, zctx: z.RefinementCtx): void {
  const given: [key: keyof GivenSecrets, index: number | undefined, secret: Secret][] = [];
  for (const key of ['secret', 'secret_file'] as const) if (s[key]) given.push([key, undefined, s[key]]);
  for (const key of ['secrets', 'secret_files'] as const) s[key]?.forEach((x, i) => given.push([key, i, x]));
  for (const [key, index, secret] of given) {
    const expected = validateSecret(scheme, secret.reveal());
    if (!expected) continue;
    const file = key.endsWith('_file') || key.endsWith('_files');
    zctx.addIssue({
      code: 'custom',
      path: index === undefined ? [key] : [key, index],
      message: file ? `a file holding ${expected}` : expected,
      // A file's path is safe to show (its origin); an inline secret is redacted by its field name.
      input: file ? secret.origin.replace(/^file:/, '') : secret,
    });
  }
}

export type SigningConfig = z.output<ReturnType<typeof signingSchema>>;

/**
 * `checks.signature_enforcement` forges the endpoint's signatures, so it
 * needs signing: without it the check is a config error, not a probe result.
 */
export function enforcementNeedsSigning(e: { signing?: { scheme: SigningScheme }; checks: { signature_enforcement?: { enabled?: boolean } } }, zctx: z.RefinementCtx): void {
  if (e.checks.signature_enforcement?.enabled !== true || (e.signing && e.signing.scheme !== 'none')) return;
  const why = e.signing ? 'its signing scheme is none' : 'it has no signing';
  zctx.addIssue({ code: 'custom', path: ['checks', 'signature_enforcement', 'enabled'], message: `false: the endpoint has no signature to enforce (${why})`, input: true });
}
