import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { configFrom, parse } from '../args.js';
import { log, runDaemon } from '../daemon.js';
import { listenError } from '../listen-error.js';
import { startComponents, stopComponents, type Stopper } from '../stack/components.js';
import { startStack } from '../stack/stack.js';
import { printBanner } from '../format.js';
import type { Command } from './command.js';

const HELP = `usage: hookwatch stack --config FILE [--dir DIR] [--no-demo]
                       [--prometheus-port N] [--alertmanager-port N] [--scrape-prober HOST:PORT]...

Starts real Prometheus and Alertmanager (Debian's builds fetched by
"npm run tools", or from PATH) with the generated configs, next to
hookwatch's components (as "hookwatch up" runs them), prints the URLs and
stops them all on Ctrl-C. Files, TSDB and logs go to DIR (default
.hookwatch/stack next to the config).

  --scrape-prober   also scrape a prober of another region (repeatable)`;

export const stack: Command = {
  async run(argv) {
    const opts = parse(argv, {
      config: { type: 'string', short: 'c' }, dir: { type: 'string' }, 'no-demo': { type: 'boolean' },
      'prometheus-port': { type: 'string' }, 'alertmanager-port': { type: 'string' },
      'scrape-prober': { type: 'string', multiple: true },
    }, HELP);
    if (!opts) return 0;
    const config = configFrom(opts.config);
    const dir = resolve(opts.dir ?? resolve(config.file, '../.hookwatch/stack'));
    mkdirSync(dir, { recursive: true });
    const stoppers: Stopper[] = [];
    const urls: [string, string][] = [];
    try {
      await startComponents(config, !opts['no-demo'], stoppers, urls);
      const s = await startStack({
        config, dir,
        extraProbers: (opts['scrape-prober'] as unknown as string[] | undefined) ?? [],
        prometheusPort: Number(opts['prometheus-port'] ?? 0),
        alertmanagerPort: Number(opts['alertmanager-port'] ?? 0),
      });
      stoppers.push({ name: 'prometheus and alertmanager', stop: s.stop });
      urls.push(['prometheus', s.prometheusUrl], ['alertmanager', s.alertmanagerUrl], ['files and logs', dir]);
    } catch (err) {
      await stopComponents(stoppers);
      const line = listenError(err);
      if (line) {
        console.error(`hookwatch stack: ${line}`);
        return 1;
      }
      console.error(`hookwatch stack: ${(err as Error).message}`);
      return 1;
    }
    const stopped = runDaemon('stack', opts.config!, {
      reload: () => log('stack', 'level=warn msg="reload is not supported by stack; restart it"'),
      stop: () => stopComponents(stoppers),
    });
    printBanner('hookwatch stack is up', urls);
    await stopped;
    return 0;
  },
};
