/**
 * The container engine the compose stack test runs on: rootful podman 4.3 behind its
 * Docker-compatible API socket, and Debian's docker-compose 1.29 talking to that socket.
 * scripts/ensure-container-engine.sh installs it and builds the images; this module starts
 * what only runs while the test does (the API service, the health ticker) and puts the machine
 * back afterwards (IPv4 forwarding, which netavark turns on).
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '../../support/scrape.js';
import { ROOT } from '../../support/tools.js';

const execFileP = promisify(execFile);
const SCRIPT = join(ROOT, 'scripts/ensure-container-engine.sh');
/** podman's configuration for this machine (runc, ulimits within the hard limits). */
export const CONTAINERS_CONF = join(ROOT, 'scripts/container-engine/containers.conf');
const ENV = { ...process.env, CONTAINERS_CONF };

/** Exit 3 of the script: no engine can be set up here, with its one-line reason. */
const CANNOT = 3;

function script(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [SCRIPT, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });
}

/** Whether an engine can be set up here: undefined, or the script's one line saying why not. */
export async function engineUnavailable(): Promise<string | undefined> {
  const r = await script(['--check']);
  if (r.code === 0) return undefined;
  if (r.code === CANNOT) return r.stderr.trim().split('\n').pop();
  throw new Error(`scripts/ensure-container-engine.sh --check failed (exit ${r.code}): ${r.stderr}`);
}

/** Installs the engine and builds the images when missing (seconds when the machine has them). */
export async function ensureEngine(): Promise<void> {
  const r = await script([]);
  if (r.code !== 0) throw new Error(`scripts/ensure-container-engine.sh failed (exit ${r.code}):\n${r.stderr}`);
}

export async function podman(args: string[]): Promise<string> {
  return (await execFileP('podman', args, { env: ENV, maxBuffer: 16 << 20 })).stdout;
}

function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.once('error', () => resolve(false));
    req.once('timeout', () => req.destroy());
    req.end();
  });
}

export interface Service {
  /** DOCKER_HOST for docker-compose. */
  readonly dockerHost: string;
  stop(): Promise<void>;
}

/** `podman system service` on a socket of its own (the Docker API docker-compose speaks). */
export async function startApiService(socket: string): Promise<Service> {
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  };
  try {
    await eventually(async () => child.exitCode === null && (await ping(socket)), 60_000, 250);
  } catch (err) {
    await stop();
    throw new Error(`podman system service did not answer on ${socket}: ${(err as Error).message}\n${stderr}`);
  }
  return { dockerHost: `unix://${socket}`, stop };
}

/**
 * podman 4.3 schedules healthchecks with systemd timers, and there is no systemd here, so
 * nothing would run them and `depends_on: condition: service_healthy` would wait forever. This
 * runs every healthcheck of the project's running containers every few seconds.
 */
export function startHealthTicker(project: string, everyMs = 3000): { stop(): Promise<void> } {
  let stopped = false;
  let wake: () => void = () => undefined;
  const loop = (async () => {
    while (!stopped) {
      const ids = await podman(['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`]).catch(() => '');
      for (const id of ids.split('\n').filter(Boolean)) {
        if (stopped) break;
        await podman(['healthcheck', 'run', id]).catch(() => undefined); // unhealthy, or no healthcheck
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, everyMs);
      });
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake();
      await loop;
    },
  };
}

const FORWARD = '/proc/sys/net/ipv4/ip_forward';

/** Reads net.ipv4.ip_forward now; the returned function writes it back. */
export function keepIpForward(): () => void {
  const before = readFileSync(FORWARD, 'utf8').trim();
  return () => {
    if (readFileSync(FORWARD, 'utf8').trim() !== before) writeFileSync(FORWARD, `${before}\n`);
  };
}
