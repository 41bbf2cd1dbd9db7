/**
 * A real redis-server (Debian's, from scripts/fetch-redis.sh) on a free
 * loopback port, with no persistence, stopped by the test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePorts } from './servers.js';
import { tool } from './tools.js';

export interface RunningRedis {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** `port`: the one a stopped instance had, to start it again there. */
export async function startRedis(o: { password?: string; port?: number } = {}): Promise<RunningRedis> {
  const port = o.port ?? (await freePorts(1))[0];
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(o.password ? ['--requirepass', o.password] : [])];
  const child: ChildProcess = spawn(tool('redis-server'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 30 s:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${out}`));
    });
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    port: port!,
    url: `redis://${o.password ? `:${encodeURIComponent(o.password)}@` : ''}127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
