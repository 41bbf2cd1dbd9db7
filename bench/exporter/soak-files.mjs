/**
 * The moving parts of the rotation soak: a log source written and rotated
 * like a real one (with an oracle copy of every line written), the real
 * daemon started and SIGKILLed, and expositions parsed.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { line } from './generate.mjs';

const CLI = fileURLToPath(new URL('../../bin/hookwatch.js', import.meta.url));
const BAD = ['not json', '[1,2]', '{"event_id":"e"}', '{"ts":"yesterday","event_id":"e","event_type":"t","endpoint":"x"}'];

/** `name{labels}` → value (comments skipped). */
export function parseExposition(text) {
  const out = new Map();
  for (const l of text.split('\n')) {
    if (l === '' || l.startsWith('#')) continue;
    const sp = l.lastIndexOf(' ');
    out.set(l.slice(0, sp), Number(l.slice(sp + 1)));
  }
  return out;
}

/** Runs the CLI to completion; resolves with its stdout. */
export function runCli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d.toString()));
    child.stderr.on('data', (d) => (err += d.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`hookwatch ${args.join(' ')}: exit ${code}\n${err}`))));
  });
}

/** Starts `hookwatch export`; every child is in `running` until it exits. */
export function startDaemon(cfg, running) {
  const child = spawn(process.execPath, [CLI, 'export', '--config', cfg], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  const exited = new Promise((r) => child.once('exit', (code) => { running.delete(child); r(code); }));
  const url = new Promise((resolve, reject) => {
    child.stderr.on('data', (d) => {
      out += d.toString();
      const m = /msg=listening url=(http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    exited.then((code) => reject(new Error(`exporter exited (${code}) before listening:\n${out}`)));
  });
  url.catch(() => undefined);
  return { url, kill: async () => { child.kill('SIGKILL'); await exited; } };
}

/**
 * One source: `single` (a path, rotated to log.1, log.2, …) or `glob`
 * (`*.jsonl`, rotated to deliveries-1.jsonl, …). Copies made by
 * copytruncate never match the glob (like logrotate's `.1` on `*.jsonl`).
 */
export class SoakSource {
  /** Complete lines written. */
  written = 0;
  /** Half a line written last, completed by the next write. */
  carry = '';
  generations = 0;
  copies = 0;
  /** False after a rename of a single path until the exporter was seen caught up. */
  renameSafe = true;

  constructor(dir, name, glob) {
    this.name = name;
    this.glob = glob;
    this.folder = join(dir, name);
    mkdirSync(this.folder);
    this.live = join(this.folder, glob ? 'deliveries.jsonl' : 'log');
    this.oracle = join(dir, 'oracle', `${name}.jsonl`);
    this.config = glob ? `./${name}/*.jsonl` : `./${name}/log`;
    writeFileSync(this.oracle, '');
    writeFileSync(this.live, '');
  }

  rotated(i) {
    return this.glob ? join(this.folder, `deliveries-${i}.jsonl`) : `${this.live}.${i}`;
  }

  /** Appends 1–150 lines (about 2% malformed), sometimes leaving half a line. Returns the malformed count. */
  write(rnd, next) {
    let text = this.carry;
    let bad = 0;
    const n = 1 + Math.floor(rnd() * 150);
    for (let k = 0; k < n; k++) {
      if (rnd() < 0.02) {
        text += `${BAD[Math.floor(rnd() * BAD.length)]}\n`;
        bad++;
      } else text += `${line(next(), rnd)}\n`;
    }
    this.carry = '';
    if (rnd() < 0.2) {
      const cut = text.length - 1 - Math.floor(rnd() * 40);
      this.carry = text.slice(cut);
      text = text.slice(0, cut);
    }
    this.append(text);
    return bad;
  }

  /** Completes a held half line. */
  flush() {
    if (this.carry) this.append(this.carry);
    this.carry = '';
  }

  append(text) {
    appendFileSync(this.live, text);
    appendFileSync(this.oracle, text);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.written++;
  }

  /** logrotate's numbered shift, then a new live file. Only with no half line pending. */
  rename() {
    for (let i = this.generations; i >= 1; i--) renameSync(this.rotated(i), this.rotated(i + 1));
    renameSync(this.live, this.rotated(1));
    writeFileSync(this.live, '');
    this.generations++;
    this.renameSafe = this.glob;
  }

  /** False for an empty file, which logrotate's `notifempty` leaves alone too. */
  copytruncate() {
    if (statSync(this.live).size === 0) return false;
    copyFileSync(this.live, `${this.live}.c${++this.copies}`);
    truncateSync(this.live, 0);
    return true;
  }
}
