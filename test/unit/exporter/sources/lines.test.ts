import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../../exporter/sources/lines.js';

function collect(max: number) {
  const lines: string[] = [];
  const tooLong: number[] = [];
  const s = new LineSplitter(max, { line: (t) => lines.push(t), tooLong: (b) => tooLong.push(b) });
  return { s, lines, tooLong };
}

describe('LineSplitter', () => {
  it('holds a partial last line until its newline arrives, across chunks', () => {
    const { s, lines } = collect(100);
    expect(s.push(Buffer.from('{"a":1}\n{"b"'))).toBe(8);
    expect(lines).toEqual(['{"a":1}']);
    expect(s.heldBytes).toBe(4);
    expect(s.push(Buffer.from(':2}\r\n'))).toBe(9);
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('skips a line over the limit without holding it, counting all its bytes once', () => {
    const { s, lines, tooLong } = collect(10);
    let consumed = s.push(Buffer.from('short\n'));
    consumed += s.push(Buffer.from('x'.repeat(8)));
    consumed += s.push(Buffer.from('y'.repeat(50)));
    expect(s.heldBytes).toBe(58);
    consumed += s.push(Buffer.from('zz\nok\n'));
    expect(lines).toEqual(['short', 'ok']);
    expect(tooLong).toEqual([61]);
    expect(consumed).toBe(6 + 61 + 3);
  });

  it('accepts a line of exactly the limit and splits multi-byte UTF-8 across chunks', () => {
    const { s, lines, tooLong } = collect(4);
    const euro = Buffer.from('€\n'); // 3 bytes + newline
    s.push(euro.subarray(0, 2));
    s.push(euro.subarray(2));
    s.push(Buffer.from('abcd\nabcde\n'));
    expect(lines).toEqual(['€', 'abcd']);
    expect(tooLong).toEqual([6]);
  });
});
