/**
 * Daemon lifecycle shared by `probe`, `export`, `receive` and `up`:
 * SIGHUP reloads the config (a bad config is logged and the old one kept),
 * SIGTERM/SIGINT stop gracefully, then the process exits 0.
 */
import { ConfigError, loadConfig, type Config } from '../config/index.js';

export interface DaemonHooks {
  reload(config: Config): void | Promise<void>;
  stop(): Promise<void>;
  /** Counted in hookwatch_config_reloads_total. */
  reloaded?(ok: boolean): void;
}

export function log(component: string, line: string): void {
  process.stderr.write(`ts=${new Date().toISOString()} component=${component} ${line}\n`);
}

/** Resolves when the daemon has stopped after a signal. */
export function runDaemon(component: string, configPath: string, hooks: DaemonHooks): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onHup = async () => {
      try {
        const next = loadConfig(configPath, { env: process.env });
        await hooks.reload(next);
        hooks.reloaded?.(true);
        log(component, `level=info msg="config reloaded" file=${JSON.stringify(configPath)}`);
      } catch (err) {
        hooks.reloaded?.(false);
        const lines = err instanceof ConfigError ? err.message.split('\n') : [String((err as Error).message)];
        for (const l of lines) log(component, `level=error msg="config reload failed, keeping the running config" error=${JSON.stringify(l)}`);
      }
    };
    const onStop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(component, `level=info msg="stopping" signal=${signal}`);
      process.off('SIGHUP', onHup);
      try {
        await hooks.stop();
      } finally {
        resolve();
      }
    };
    process.on('SIGHUP', () => void onHup());
    process.once('SIGTERM', () => void onStop('SIGTERM'));
    process.once('SIGINT', () => void onStop('SIGINT'));
  });
}
