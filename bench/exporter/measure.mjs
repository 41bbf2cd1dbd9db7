/** Runs a command under GNU time -v and reads wall time, CPU seconds and peak RSS. */
import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

function field(text, label) {
  const m = new RegExp(`${label.replace(/[()]/g, '\\$&')}: (.+)`).exec(text);
  if (!m) throw new Error(`/usr/bin/time output lacks "${label}":\n${text}`);
  return m[1].trim();
}

function wallSeconds(s) {
  const parts = s.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

/** Runs `cmd args` with stdout to `stdoutPath`; throws on a non-zero exit. */
export function timed(cmd, args, stdoutPath, opts = {}) {
  const out = openSync(stdoutPath, 'w');
  try {
    const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr.slice(-3000)}`);
    const cpu = Number(field(r.stderr, 'User time (seconds)')) + Number(field(r.stderr, 'System time (seconds)'));
    return {
      wall: wallSeconds(field(r.stderr, 'Elapsed (wall clock) time (h:mm:ss or m:ss)')),
      cpu,
      rssMiB: Number(field(r.stderr, 'Maximum resident set size (kbytes)')) / 1024,
    };
  } finally {
    closeSync(out);
  }
}

/** `name{a="x",b="y"} v` lines → [{name, labels, value}]. */
export function samples(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1], x[2]]));
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}
