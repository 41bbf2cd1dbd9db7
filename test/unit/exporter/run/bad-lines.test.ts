import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../../daemon/index.js';
import { BadLineLog } from '../../../../exporter/run/bad-lines.js';

function capture() {
  const lines: string[] = [];
  return { lines, log: createLogger({ format: 'json', write: (l) => lines.push(l), now: () => new Date(0) }) };
}
const at = (line: number) => ({ file: '/var/log/hooks.jsonl', line, offset: line * 100 });

describe('BadLineLog', () => {
  it('logs file, line, offset and reason, never the content', () => {
    const { lines, log } = capture();
    new BadLineLog(log).report('main', 'invalid_json', at(7));
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { ts: '1970-01-01T00:00:00.000Z', level: 'warn', msg: 'skipped a bad line', source: 'main', file: '/var/log/hooks.jsonl', line: 7, offset: 700, reason: 'invalid_json' },
    ]);
  });

  it('logs at most N lines per interval per source, then one line with the count suppressed', () => {
    const { lines, log } = capture();
    let now = 1000;
    const b = new BadLineLog(log, { lines: 3, intervalSeconds: 60, now: () => now });
    for (let i = 1; i <= 1000; i++) b.report('flood', 'missing_field', at(i));
    b.report('quiet', 'wrong_type', at(1));
    b.tick();
    expect(lines).toHaveLength(4);
    now += 60;
    b.tick();
    b.tick();
    const msgs = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(msgs.slice(4)).toEqual([expect.objectContaining({ msg: 'suppressed bad-line messages', source: 'flood', lines: 997, seconds: 60 })]);
    // A new interval logs again.
    b.report('flood', 'missing_field', at(1001));
    expect(lines).toHaveLength(6);
  });

  it('leaves out the line number when it is not known', () => {
    const { lines, log } = capture();
    new BadLineLog(log).report('main', 'bad_timestamp', { file: 'f', line: undefined, offset: 12 });
    expect(JSON.parse(lines[0] as string)).not.toHaveProperty('line');
  });
});
