/** `hookwatch check` on a config without receivers: ok, exit 0, and a warning that alerts go nowhere. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/process.js';
import { ROOT } from '../../support/tools.js';

describe('hookwatch check', () => {
  it('warns on stderr that every alert goes to "null" when notify has no receivers', async () => {
    const config = join(ROOT, 'test/golden/alerts/cases/minimal/hookwatch.yaml');
    const r = await runCli(['check', '--config', config, '--no-tools']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${config}: ok (1 endpoint)`);
    expect(r.stderr).toContain(`${config}: warning: notify: no receivers for critical or warning alerts: every alert goes to the "null" receiver`);
  });

  it('says nothing more for a config that notifies someone', async () => {
    const r = await runCli(['check', '--config', join(ROOT, 'test/golden/alerts/cases/basic/hookwatch.yaml'), '--no-tools']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('warning:');
  });
});
