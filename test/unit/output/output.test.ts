/**
 * What every generator shares: the generated header, refusing empty output
 * and number formatting.
 */
import { describe, expect, it } from 'vitest';
import { GENERATED_HEADER, nonEmpty, num, renderYaml, round, times, withHeader } from '../../../output/index.js';

describe('nonEmpty', () => {
  it.each(['', '  \n', '{}', '[]\n', []])('refuses %j', (content) => {
    expect(() => nonEmpty(content, 'x.yml')).toThrow('Refusing to write empty output for x.yml.');
  });

  it('returns what holds something', () => {
    expect(nonEmpty('a: 1\n', 'x.yml')).toBe('a: 1\n');
    expect(nonEmpty([{}], 'x.yml')).toEqual([{}]);
  });
});

describe('withHeader', () => {
  it('puts the header first, in the comment syntax of the file, and ends with a newline', () => {
    expect(withHeader('a: 1', '#', 'demo.yaml')).toBe(`# ${GENERATED_HEADER}\n# source: demo.yaml\na: 1\n`);
    expect(withHeader('{{ define "x" }}{{ end }}\n', '{{/*', 'demo.yaml')).toBe(`{{/* ${GENERATED_HEADER}; source: demo.yaml */}}\n{{ define "x" }}{{ end }}\n`);
  });

  it('refuses an empty body, and so does renderYaml', () => {
    expect(() => withHeader(' \n', '#', 'demo.yaml')).toThrow(/empty output for demo\.yaml/);
    expect(() => renderYaml({}, 'demo.yaml')).toThrow(/empty output for demo\.yaml/);
    expect(() => renderYaml([], 'demo.yaml')).toThrow(/empty output for demo\.yaml/);
  });
});

describe('numbers', () => {
  it('round away binary float noise', () => {
    expect(round(1 - 0.999)).toBe(0.001);
    expect(times(14.4, 0.001)).toBe(0.0144);
    expect(num(1 - 0.999)).toBe('0.001');
    expect(num(100)).toBe('100');
  });

  it('refuse what is not a finite number', () => {
    expect(() => num(Number.NaN)).toThrow(/Invalid number NaN/);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(/Must be finite/);
  });
});
