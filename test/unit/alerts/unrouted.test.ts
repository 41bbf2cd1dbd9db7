/** `hookwatch check` warns when alerts reach nobody: routes that end in "null". */
import { describe, expect, it } from 'vitest';
import { unroutedWarnings } from '../../../alerts/index.js';
import { configFromYaml } from '../../support/config.js';
import { loadCase } from './support.js';

const ENDPOINT = 'endpoints: [{ name: a, url: "http://127.0.0.1:1/webhook" }]\n';

describe('unroutedWarnings', () => {
  it('no receivers: one warning that every alert goes to "null"', () => {
    const warnings = unroutedWarnings(loadCase('minimal'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^notify: no receivers for critical or warning alerts: every alert goes to the "null" receiver and nobody is notified/);
  });

  it('a severity without a receiver is named', () => {
    const onlySlack = configFromYaml(`${ENDPOINT}notify: { slack: { api_url_file: /run/secrets/s, channel: "#x" }, routes: { critical: [] } }\n`);
    expect(unroutedWarnings(onlySlack)).toEqual(['notify.routes.critical: no receiver: critical alerts go to the "null" receiver and nobody is notified']);
  });

  it('nothing when critical and warning alerts reach someone', () => {
    expect(unroutedWarnings(loadCase('basic'))).toEqual([]);
    expect(unroutedWarnings(loadCase('overrides'))).toEqual([]);
  });
});
