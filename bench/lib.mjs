// Shared benchmark helpers: child processes, /proc sampling, percentiles,
// and writing one section of BENCHMARKS.md between markers.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export const ROOT = new URL('..', import.meta.url).pathname;
const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds (user + system) and peak RSS (bytes) of a live process, from /proc. */
export function procStats(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpu, peakRss: hwm ? Number(hwm[1]) * 1024 : NaN };
}

/** Starts a process; `lines` yields its stdout lines. */
export function start(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', opts.stderr ?? 'ignore'], env: { ...process.env, ...(opts.env ?? {}) } });
  const rl = createInterface({ input: child.stdout });
  const queue = [];
  const waiters = [];
  rl.on('line', (l) => (waiters.length ? waiters.shift()(l) : queue.push(l)));
  return {
    child,
    nextLine: () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : waiters.push(resolve))),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.stdin.end();
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    }),
  };
}

export function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function summary(values) {
  const s = Float64Array.from(values).sort();
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, mean, p50: percentile(s, 0.5), p99: percentile(s, 0.99), max: s[s.length - 1] };
}

/** Replaces (or appends) the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
export function writeSection(name, body) {
  const file = `${ROOT}BENCHMARKS.md`;
  const head = '# Benchmarks\n\nEach section is written by its benchmark script; re-run it with the command it names.\n';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : head;
  const block = `<!-- ${name}:start -->\n${body.trim()}\n<!-- ${name}:end -->`;
  const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  text = re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU';
  return `${execFileSync('nproc').toString().trim()} cores (${cpu}), Node ${process.version}`;
}

/** A blackbox_exporter http module: a POST of the benchmarks' static event, or a GET; 200 expected, IPv4. */
export function blackboxModule(name, method) {
  const post = method === 'POST' ? `
      headers: { Content-Type: application/json }
      body: '{"id":"evt_bench","type":"bench.event"}'` : '';
  return `  ${name}:
    prober: http
    timeout: 10s
    http:
      method: ${method}${post}
      valid_status_codes: [200]
      preferred_ip_protocol: ip4
`;
}

/** A free loopback port (closed again, for a child process to listen on). */
export function freePort() {
  return import('node:net').then(({ createServer }) => new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  }));
}
