/**
 * The logger: logfmt quoting and escaping as go-logfmt (Prometheus) does it,
 * levels, bound fields, JSON on request, and no secret ever printed.
 */
import { describe, expect, it } from 'vitest';
import { Secret } from '../../../config/secret.js';
import { createLogger, type LoggerOptions } from '../../../daemon/index.js';
import { logfmt } from '../../../daemon/logfmt.js';

const NOW = new Date('2026-12-01T11:03:44.123Z');
function capture(o: LoggerOptions = {}) {
  const lines: string[] = [];
  return { lines, log: createLogger({ now: () => NOW, write: (l) => void lines.push(l), ...o }) };
}

describe('logfmt values', () => {
  const one = (v: unknown) => logfmt([['k', v]]);

  it('leaves simple values bare', () => {
    expect(one('listening')).toBe('k=listening');
    expect(one('http://127.0.0.1:9468/x?a&b')).toBe('k=http://127.0.0.1:9468/x?a&b');
    expect(one(12.5)).toBe('k=12.5');
    expect(one(true)).toBe('k=true');
    expect(one(null)).toBe('k=null');
    expect(one('back\\slash')).toBe('k=back\\slash');
  });

  it('quotes values with spaces, quotes, = or nothing in them', () => {
    expect(one('config reloaded')).toBe('k="config reloaded"');
    expect(one('a=b')).toBe('k="a=b"');
    expect(one('say "hi"')).toBe('k="say \\"hi\\""');
    expect(one('')).toBe('k=""');
    expect(one('C:\\ dir')).toBe('k="C:\\\\ dir"');
  });

  it('escapes newlines and control characters, so a record stays one line', () => {
    expect(one('two\nlines\r\tend')).toBe('k="two\\nlines\\r\\tend"');
    expect(one('bell\u0007 del\u007f')).toBe('k="bell\\u0007 del\\u007f"');
    expect(one('x\u2028y')).toBe('k="x\\u2028y"');
    expect(logfmt([['k', 'a\nb']])).not.toContain('\n');
  });

  it('makes keys safe and drops undefined values', () => {
    expect(logfmt([['a b', 1], ['c=d', 2], ['', 3], ['gone', undefined]])).toBe('a_b=1 c_d=2 _=3');
  });

  it('prints errors as their message, dates as RFC 3339, objects as JSON', () => {
    expect(one(new Error('boom here'))).toBe('k="boom here"');
    expect(one(NOW)).toBe('k=2026-12-01T11:03:44.123Z');
    expect(one({ a: 1 })).toBe('k="{\\"a\\":1}"');
  });
});

describe('createLogger', () => {
  it('writes ts, level, bound fields, msg, then the fields', () => {
    const { lines, log } = capture();
    log.with({ component: 'prober' }).info('listening', { url: 'http://127.0.0.1:1', endpoints: 2 });
    expect(lines).toEqual(['ts=2026-12-01T11:03:44.123Z level=info component=prober msg=listening url=http://127.0.0.1:1 endpoints=2\n']);
  });

  it('drops records below the level', () => {
    const { lines, log } = capture({ level: 'warn' });
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines.map((l) => l.split(' ')[1])).toEqual(['level=warn', 'level=error']);
    const all = capture({ level: 'debug' });
    all.log.debug('d');
    expect(all.lines).toHaveLength(1);
  });

  it('writes one JSON object a line with --log.format json', () => {
    const { lines, log } = capture({ format: 'json' });
    log.with({ component: 'receiver' }).warn('moved to dlq', { attempts: 3, error: 'a "b"\nc', skipped: undefined });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('}\n')).toBe(true);
    expect(JSON.parse(lines[0]!)).toEqual({ ts: '2026-12-01T11:03:44.123Z', level: 'warn', component: 'receiver', msg: 'moved to dlq', attempts: 3, error: 'a "b"\nc' });
  });

  it('never prints a secret, in either format', () => {
    for (const format of ['logfmt', 'json'] as const) {
      const { lines, log } = capture({ format });
      const secret = new Secret('s3cr3t-value', 'inline');
      log.info('signing', { secret, nested: { secret } });
      expect(lines.join('')).not.toContain('s3cr3t-value');
    }
  });

  it('keeps bound fields of a parent when a child adds more', () => {
    const { lines, log } = capture();
    const parent = log.with({ component: 'receiver' });
    parent.with({ endpoint: 'a' }).info('x');
    parent.info('y');
    expect(lines.map((l) => l.replace(/^ts=\S+ /, ''))).toEqual(['level=info component=receiver endpoint=a msg=x\n', 'level=info component=receiver msg=y\n']);
  });
});
