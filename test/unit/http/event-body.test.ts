import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../http/index.js';

describe('synthetic event body', () => {
  it('escapes values so a JSON template stays valid JSON', () => {
    const body = renderBody('{"id":"{{id}}","type":"{{type}}","at":"{{iso_time}}","ep":"{{ endpoint }}"}', { id: 'a"b\\c', type: 'x.y', timestamp: 0, endpoint: 'e' });
    expect(JSON.parse(body)).toEqual({ id: 'a"b\\c', type: 'x.y', at: '1970-01-01T00:00:00.000Z', ep: 'e' });
  });
});

describe('synthetic event body, against the one-pass replace it replaced', () => {
  // The old renderBody: a regex replace that JSON-escapes every value.
  const reference = (template: string, v: { id: string; type: string; timestamp: number; endpoint: string }): string => {
    const map: Record<string, string> = { id: v.id, type: v.type, timestamp: String(v.timestamp), iso_time: new Date(v.timestamp * 1000).toISOString(), endpoint: v.endpoint };
    return template.replace(/\{\{\s*(id|type|timestamp|iso_time|endpoint)\s*\}\}/g, (_, k: string) => JSON.stringify(map[k]).slice(1, -1));
  };
  const values = ['plain', 'quote"s', 'back\\slash', 'tab\tnew\nline\u0001', 'lone \ud800 high', 'lone \udc00 low', 'pair \ud83d\ude00 emoji', 'é ü 日本', ''];
  const templates = [
    '{"id":"{{id}}","type":"{{type}}","ts":{{timestamp}},"at":"{{iso_time}}","ep":"{{endpoint}}"}',
    '{{id}}{{id}}{{ type }}',
    'no placeholders at all',
    '{{unknown}} and {{ id }} and {{',
    '',
  ];

  it('renders every template and value exactly as the regex replace did', () => {
    for (const t of templates) {
      for (const v of values) {
        const input = { id: v, type: `t.${v}`, timestamp: 1_700_000_000, endpoint: v };
        expect(renderBody(t, input), `${t} / ${JSON.stringify(v)}`).toBe(reference(t, input));
      }
    }
  });

  it('renders the same template again with other values (the cut template is reused, not its output)', () => {
    const t = '{"id":"{{id}}"}';
    expect(renderBody(t, { id: 'one', type: 'x', timestamp: 0, endpoint: 'e' })).toBe('{"id":"one"}');
    expect(renderBody(t, { id: 'two"', type: 'x', timestamp: 0, endpoint: 'e' })).toBe('{"id":"two\\""}');
  });
});
