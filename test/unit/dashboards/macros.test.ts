import { describe, expect, it } from 'vitest';
import { substituteGrafanaMacros, variablesIn } from '../../../dashboards/index.js';

describe('substituteGrafanaMacros', () => {
  it('turns interval and range macros into durations', () => {
    expect(substituteGrafanaMacros('rate(x[$__rate_interval]) + rate(y[$__interval]) + increase(z[$__range])'))
      .toBe('rate(x[1m]) + rate(y[15s]) + increase(z[1h])');
    expect(substituteGrafanaMacros('x / $__range_s + $__interval_ms')).toBe('x / 3600 + 15000');
  });

  it('replaces $var, ${var} and ${var:format} with a match-all regex', () => {
    expect(substituteGrafanaMacros('x{a=~"$endpoint",b=~"${region}",c=~"${event_type:regex}"}')).toBe('x{a=~".*",b=~".*",c=~".*"}');
  });

  it('leaves plain PromQL alone', () => {
    const plain = 'sum by (le) (rate(x_bucket{a="b"}[5m]))';
    expect(substituteGrafanaMacros(plain)).toBe(plain);
  });
});

describe('variablesIn', () => {
  it('lists template variables but not macros', () => {
    expect(variablesIn('rate(x{a=~"$endpoint",b=~"${region}"}[$__rate_interval]) ${datasource}')).toEqual(['endpoint', 'region', 'datasource']);
  });
});
