import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFrom, parse } from '../args.js';
import { runDaemon } from '../lifecycle.js';
import { LOG_FLAGS, LOG_HELP, loggerFrom } from '../log-flags.js';
import { startComponents } from '../stack/components.js';
import { startStack } from '../stack/stack.js';
import { printBanner } from '../format.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch stack --config FILE [--dir DIR] [--no-demo]
                       [--prometheus-port N] [--alertmanager-port N] [--scrape-prober HOST:PORT]...

Starts real Prometheus and Alertmanager (Debian's builds fetched by
"npm run tools", or from PATH) with the generated configs, next to
hookwatch's components (as "hookwatch up" runs them), prints the URLs and
stops them all on Ctrl-C. Files, TSDB and logs go to DIR (default
.hookwatch/stack next to the config). SIGHUP reloads hookwatch's components
as "hookwatch up" does.

  --scrape-prober   also scrape a prober of another region (repeatable)
${LOG_HELP}`;

export const stack: Command = {
  async run(argv) {
    const opts = parse(argv, {
      config: { type: 'string', short: 'c' }, dir: { type: 'string' }, 'no-demo': { type: 'boolean' },
      'prometheus-port': { type: 'string' }, 'alertmanager-port': { type: 'string' },
      'scrape-prober': { type: 'string', multiple: true }, ...LOG_FLAGS,
    }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const dir = resolve(opts.dir ?? resolve(config.file, '../.hookwatch/stack'));
    mkdirSync(dir, { recursive: true });
    const root = loggerFrom(opts);
    return runDaemon({
      log: root.with({ component: 'stack' }), configPath: opts.config!,
      start: async (parts) => {
        const urls = await startComponents(config, !opts['no-demo'], root, parts);
        const s = await startStack({
          config, dir,
          extraProbers: (opts['scrape-prober'] as unknown as string[] | undefined) ?? [],
          prometheusPort: Number(opts['prometheus-port'] ?? 0),
          alertmanagerPort: Number(opts['alertmanager-port'] ?? 0),
        });
        parts.push({ name: 'prometheus and alertmanager', stop: s.stop });
        urls.push(['prometheus', s.prometheusUrl], ['alertmanager', s.alertmanagerUrl], ['files and logs', dir]);
        return () => printBanner('hookwatch stack is up', urls);
      },
    });
  },
};
