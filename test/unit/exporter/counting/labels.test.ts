import { describe, expect, it } from 'vitest';
import { EndpointResolver, normalizeUrl } from '../../../../exporter/counting/endpoints.js';
import { LabelGuard } from '../../../../exporter/counting/label-guard.js';
import { Aggregates } from '../../../../exporter/state/aggregates.js';

describe('endpoint label', () => {
  const r = new EndpointResolver([
    { name: 'primary', url: 'https://primary.example.com/webhook' },
    { name: 'crm', url: 'http://crm.internal:8080/events/' },
  ]);

  it('normalises URLs to host/path without query or credentials', () => {
    expect(normalizeUrl('https://user:secret@Api.Example.com:8443/a/b/?token=x#f')).toBe('api.example.com:8443/a/b');
    expect(normalizeUrl('payments-primary')).toBeUndefined();
  });

  it('prefers a configured name, then a configured URL, then host/path, then the text', () => {
    expect(r.resolve('primary', 'https://elsewhere.example/x')).toBe('primary');
    expect(r.resolve('ep_2Xa9', 'https://u:p@primary.example.com/webhook?sig=1')).toBe('primary');
    expect(r.resolve(undefined, 'http://crm.internal:8080/events')).toBe('crm');
    expect(r.resolve(undefined, 'https://new.example.org/hook?secret=s')).toBe('new.example.org/hook');
    expect(r.resolve('https://other.example/p?q', undefined)).toBe('other.example/p');
    expect(r.resolve('legacy-name', undefined)).toBe('legacy-name');
  });
});

describe('label cap', () => {
  it('maps values past the cap to other, counts the overflow, and exempts configured names', () => {
    const agg = new Aggregates();
    const g = new LabelGuard(2, (_l, v) => v === 'configured', {});
    expect(g.admit('endpoint', 'a', agg)).toBe('a');
    expect(g.admit('endpoint', 'b', agg)).toBe('b');
    expect(g.admit('endpoint', 'c', agg)).toBe('other');
    expect(g.admit('endpoint', 'a', agg)).toBe('a');
    expect(g.admit('endpoint', 'configured', agg)).toBe('configured');
    expect(g.admit('event_type', 'x', agg)).toBe('x');
    expect(agg.get('exporterLabelOverflow', { label: 'endpoint' })).toBe(1);
  });

  it('keeps the admitted values across a restart', () => {
    const agg = new Aggregates();
    const g = new LabelGuard(1, () => false, {});
    g.admit('endpoint', 'first', agg);
    const restored = new LabelGuard(1, () => false, g.toJSON());
    expect(restored.admit('endpoint', 'second', agg)).toBe('other');
    expect(restored.admit('endpoint', 'first', agg)).toBe('first');
  });
});
