import { z } from 'zod';
import { httpUrlSchema } from './common.js';
import { GRAFANA_DEFAULTS } from '../defaults.js';

/**
 * A Grafana root URL for links and `dashboards push`. It is copied into
 * every dashboard link and alert annotation, so it may carry no credentials
 * (push could not use them anyway: it authenticates with a token or a
 * password file) and no query or fragment (the paths are appended to it).
 */
const grafanaUrlSchema = httpUrlSchema.superRefine((s, zctx) => {
  const u = URL.canParse(s) ? new URL(s) : undefined;
  if (!u) return; // httpUrlSchema has said so
  if (u.username || u.password) {
    zctx.addIssue({
      code: 'custom',
      message: 'a URL without credentials (they would be copied into every dashboard link; dashboards push takes --token-file or GRAFANA_TOKEN, or --user with --password-file or GRAFANA_PASSWORD)',
      input: s,
    });
  } else if (u.search || u.hash) {
    zctx.addIssue({ code: 'custom', message: 'the Grafana root URL, without query or fragment (dashboard paths are appended to it)', input: s });
  }
});

/**
 * ```yaml
 * grafana: { url: https://grafana.example.com, folder: Webhooks }
 * ```
 */
export const grafanaSchema = z.strictObject({
  url: grafanaUrlSchema.optional().describe('Grafana\'s root URL, without credentials: alerts\' `dashboard_url` and the status page link to absolute dashboard URLs (relative `/d/<uid>` when omitted), and `dashboards push` uploads here unless `--grafana-url` is given.'),
  folder: z.string().min(1).default(GRAFANA_DEFAULTS.folder).describe('The Grafana folder the dashboards are provisioned or pushed into.'),
});
