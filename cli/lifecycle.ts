/**
 * The daemon lifecycle shared by `probe`, `export`, `receive`, `simulate`,
 * `up` and `stack`: start the parts (a server that cannot listen, or any
 * typed start failure, is one error line and exit 1), SIGHUP reloads the
 * config into every part that can take it (a bad config is logged and the
 * old one kept), SIGTERM/SIGINT stop the parts in reverse start order and
 * the process exits 0. A second SIGTERM/SIGINT while stopping has the
 * default effect: exit at once.
 */
import { ConfigError, loadConfig, type Config } from '../config/index.js';
import { ListenError, type Logger } from '../daemon/index.js';

/** A running part of a daemon (the prober, one receiver, …). */
export interface Part {
  readonly name: string;
  /** Applies a reloaded config; a part without it is restarted to change. */
  reload?(config: Config): void | Promise<void>;
  /** Counts a reload in the part's hookwatch_config_reloads_total. */
  reloaded?(ok: boolean): void;
  stop(): Promise<void>;
}

export interface DaemonSpec {
  readonly log: Logger;
  readonly configPath: string;
  /**
   * Starts the parts, pushing each once it runs, so a failure stops those
   * already started. Resolves with what to announce once the signal
   * handlers are in place: the line (or banner) users and tests wait for.
   */
  start(parts: Part[]): Promise<() => void>;
}

/** Runs a daemon until SIGTERM/SIGINT; resolves with the exit code. */
export async function runDaemon(spec: DaemonSpec): Promise<number> {
  const { log } = spec;
  const parts: Part[] = [];
  let ready: () => void;
  try {
    ready = await spec.start(parts);
  } catch (err) {
    await stopParts(parts, log);
    if (err instanceof ListenError) log.error('cannot listen', { field: err.field, address: err.address, code: err.code, error: err.reason });
    else if (isStartFailure(err)) log.error('cannot start', { code: err.code, error: err.message });
    else throw err;
    return 1;
  }
  const signals = wireSignals(log, () => reloadParts(spec.configPath, parts, log));
  ready();
  await signals.stopped;
  const ok = await stopParts(parts, log);
  signals.dispose();
  return ok ? 0 : 1;
}

/**
 * A typed error with a stable code (a corrupt checkpoint, a stack tool that
 * would not start, a status page not built) or an operating-system error (a
 * state_dir that cannot be written: EACCES from mkdir) is one line; a config
 * error goes on to the CLI, which prints its issues; anything else is a bug
 * and keeps its stack trace.
 */
function isStartFailure(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown })?.code;
  if (!(err instanceof Error) || err instanceof ConfigError || typeof code !== 'string') return false;
  return code.startsWith('HOOKWATCH_') || typeof (err as { syscall?: unknown }).syscall === 'string';
}

/**
 * SIGHUP calls `reload`; `stopped` resolves on the first SIGTERM/SIGINT,
 * which also hands both back to Node's default. A SIGHUP while stopping is
 * ignored until `dispose` removes the last listener.
 */
function wireSignals(log: Logger, reload: () => Promise<void>): { stopped: Promise<void>; dispose(): void } {
  let stopping = false;
  const onHup = () => {
    if (!stopping) void reload();
  };
  process.on('SIGHUP', onHup);
  const stopped = new Promise<void>((resolve) => {
    const onStop = (signal: NodeJS.Signals) => {
      stopping = true;
      process.off('SIGTERM', onStop);
      process.off('SIGINT', onStop);
      log.info('stopping', { signal });
      resolve();
    };
    process.on('SIGTERM', onStop);
    process.on('SIGINT', onStop);
  });
  return { stopped, dispose: () => void process.off('SIGHUP', onHup) };
}

async function reloadParts(configPath: string, parts: readonly Part[], log: Logger): Promise<void> {
  const failed = 'config reload failed, keeping the running config';
  let next: Config;
  try {
    next = loadConfig(configPath, { env: process.env });
  } catch (err) {
    for (const p of parts) p.reloaded?.(false);
    const lines = err instanceof ConfigError ? err.message.split('\n') : [(err as Error).message];
    for (const error of lines) log.error(failed, { error });
    return;
  }
  let ok = true;
  let applied = 0;
  for (const p of parts) {
    if (!p.reload) {
      log.warn('reload not supported; restart to apply changes', { part: p.name });
      continue;
    }
    try {
      await p.reload(next);
      p.reloaded?.(true);
      applied += 1;
    } catch (err) {
      ok = false;
      p.reloaded?.(false);
      log.error(failed, { part: p.name, error: err });
    }
  }
  if (ok && applied > 0) log.info('config reloaded', { file: configPath });
}

/** Stops the parts in reverse start order; false when one failed (each failure logged). */
async function stopParts(parts: readonly Part[], log: Logger): Promise<boolean> {
  let ok = true;
  for (const p of [...parts].reverse()) {
    try {
      await p.stop();
    } catch (err) {
      ok = false;
      log.error('stop failed', { part: p.name, error: err });
    }
  }
  return ok;
}
