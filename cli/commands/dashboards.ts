import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { maskUrls } from '../../config/index.js';
import { FOLDER_UID, GrafanaApiError, buildDashboards, pushDashboards, type GrafanaAuth } from '../../dashboards/index.js';
import { GrafanaUnreachableError } from '../../dashboards/push/index.js';
import { UsageError, configFrom, parse } from '../args.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch dashboards push --config FILE [--grafana-url URL]
                                 [--token-file FILE | --user USER [--password-file FILE]]

Imports the dashboards generated from the config into a running Grafana through
its HTTP API: creates the folder if it is missing and uploads every dashboard
with overwrite. Safe to run again.

  --grafana-url URL     Grafana root URL (default: grafana.url in the config)
  --token-file FILE     service-account token (default: $GRAFANA_TOKEN)
  --user USER           basic auth instead of a token
  --password-file FILE  password for --user (default: $GRAFANA_PASSWORD)`;

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  'grafana-url': { type: 'string' },
  'token-file': { type: 'string' },
  user: { type: 'string' },
  'password-file': { type: 'string' },
} as const;

/** A secret from a file (trimmed, like Grafana and Alertmanager do) or an env var. */
function secret(flag: string, file: string | undefined, envName: string, env: NodeJS.ProcessEnv): string | undefined {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`Invalid --${flag} "${file}". Must be a readable file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
    }
    const value = text.trim();
    if (!value) throw new UsageError(`Invalid --${flag} "${file}". Must not be empty.`);
    return value;
  }
  const value = env[envName]?.trim();
  return value ? value : undefined;
}

/** Token or basic auth, from flags, files and env; never printed. */
export function authFrom(opts: { 'token-file'?: string; user?: string; 'password-file'?: string }, env: NodeJS.ProcessEnv): GrafanaAuth {
  if (opts.user !== undefined) {
    if (opts['token-file'] !== undefined) throw new UsageError('--token-file and --user cannot be combined; use a token or basic auth');
    const password = secret('password-file', opts['password-file'], 'GRAFANA_PASSWORD', env);
    if (!password) throw new UsageError('--user needs a password: --password-file FILE or GRAFANA_PASSWORD');
    return { user: opts.user, password };
  }
  const token = secret('token-file', opts['token-file'], 'GRAFANA_TOKEN', env);
  if (!token) throw new UsageError('credentials are required: --token-file FILE or GRAFANA_TOKEN (a service-account token), or --user with --password-file');
  return { token };
}

async function push(argv: readonly string[]): Promise<number> {
  const opts = parse(argv, OPTIONS, HELP);
  if (!opts) return 0;
  const config = configFrom(opts.config);
  const url = opts['grafana-url'] ?? config.grafana.url;
  if (!url) throw new UsageError('--grafana-url URL is required (or set grafana.url in the config)');
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`Invalid --grafana-url "${maskUrls(url)}". Must be an http(s) URL.`);
  if (/^https?:\/\/[^/?#]*@/.test(url)) {
    throw new UsageError(`Invalid --grafana-url "${maskUrls(url)}". Must not carry credentials: use --token-file FILE or GRAFANA_TOKEN, or --user with --password-file FILE or GRAFANA_PASSWORD.`);
  }
  const auth = authFrom(opts, process.env);
  const dashboards = buildDashboards(config).map((b) => b.dashboard);
  try {
    const result = await pushDashboards({
      url, auth, dashboards, folderUid: FOLDER_UID, folderTitle: config.grafana.folder,
      message: `hookwatch ${VERSION}: generated from ${basename(config.file)}`,
    });
    console.log(`folder "${config.grafana.folder}" (${FOLDER_UID}): ${result.folder}`);
    const base = maskUrls(url.replace(/\/$/, ''));
    for (const d of result.dashboards) console.log(`uploaded ${base}${d.url} (version ${d.version})`);
    return 0;
  } catch (err) {
    if (err instanceof GrafanaApiError || err instanceof GrafanaUnreachableError) {
      console.error(`hookwatch dashboards push: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

export const dashboards: Command = {
  async run(argv) {
    const [sub, ...rest] = argv;
    if (sub === 'push') return push(rest);
    if (sub === undefined || sub === '--help' || sub === '-h') {
      console.log(HELP);
      return sub === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown subcommand "${sub}" (expected: push)`);
  },
};
