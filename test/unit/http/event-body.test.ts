import { describe, expect, it } from 'vitest';
import { renderBody } from '../../../http/index.js';

describe('synthetic event body', () => {
  it('escapes values so a JSON template stays valid JSON', () => {
    const body = renderBody('{"id":"{{id}}","type":"{{type}}","at":"{{iso_time}}","ep":"{{ endpoint }}"}', { id: 'a"b\\c', type: 'x.y', timestamp: 0, endpoint: 'e' });
    expect(JSON.parse(body)).toEqual({ id: 'a"b\\c', type: 'x.y', at: '1970-01-01T00:00:00.000Z', ep: 'e' });
  });
});
