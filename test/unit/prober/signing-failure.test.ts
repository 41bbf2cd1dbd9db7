/**
 * Issue 12 point 8: a secret that cannot sign at probe time (the loader
 * refuses one, but a secret can still change after the config was checked)
 * is a failed probe that is counted and logged once, never a silenced
 * endpoint or a crash, and the other endpoints keep probing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS } from '../../../catalog/index.js';
import { Secret, type Config } from '../../../config/index.js';
import { createLogger } from '../../../daemon/index.js';
import { Prober } from '../../../prober/index.js';
import { configFromYaml } from '../../support/config.js';
import { sample as scrapeSample } from '../../support/scrape.js';

const BAD = 'whsec_notbase64!';

/** A checked config whose first endpoint's secret then turned into one its scheme cannot use. */
function withBadSecret(): Config {
  const c = configFromYaml(`endpoints:
  - name: bad
    url: http://127.0.0.1:9/webhook
    signing: { scheme: standard-webhooks, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }
    checks: { delivery: { interval: 1h } }
  - name: good
    url: http://127.0.0.1:9/webhook
    checks: { delivery: { interval: 1h } }
`);
  const [bad, ...rest] = c.endpoints;
  return { ...c, endpoints: [{ ...bad!, signing: { ...bad!.signing!, secrets: [new Secret(BAD, 'test')] } }, ...rest] };
}

const logged: string[] = [];
const log = createLogger({ level: 'debug', write: (l) => void logged.push(l) });
let prober: Prober | undefined;
afterEach(async () => {
  await prober?.stop();
  logged.length = 0;
});

const sample = async (p: Prober, name: string, labels: Record<string, string>) => scrapeSample(await p.metrics.metrics(), name, labels);

describe('a secret that cannot sign at probe time', () => {
  it('is a rejected_signature probe, counted, with probe_up 0 and one warning', async () => {
    prober = new Prober(withBadSecret(), { version: 'test', log });
    const target = prober.targets.find((t) => t.endpoint.name === 'bad')!;
    const first = await prober.probe(target);
    await prober.probe(target);
    expect(first).toMatchObject({ result: 'rejected_signature', success: false, status: 0 });
    expect(first.detail).toMatch(/^not sent: cannot sign with the configured secret \(secrets\[0\]: expected "whsec_" followed by base64/);
    expect(first.detail).not.toContain(BAD);
    const l = { endpoint: 'bad', check: 'delivery', region: 'local' };
    expect(await sample(prober, METRICS.probes.name, { ...l, result: 'rejected_signature' })).toBe(2);
    expect(await sample(prober, METRICS.probeUp.name, l)).toBe(0);
    const warnings = logged.filter((x) => x.includes('level=warn'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/msg="probe down" endpoint=bad check=delivery result=rejected_signature/);
    expect(logged.join('')).not.toContain(BAD);
  });

  it('does not silence the daemon: the scheduled probe records it, and the other endpoint still probes', async () => {
    prober = new Prober(withBadSecret(), { version: 'test', log });
    prober.start();
    await expect.poll(() => sample(prober!, METRICS.probeUp.name, { endpoint: 'bad', check: 'delivery' }), { timeout: 5000 }).toBe(0);
    await expect.poll(() => sample(prober!, METRICS.probeUp.name, { endpoint: 'good', check: 'delivery' }), { timeout: 5000 }).toBe(0);
    expect(logged.filter((x) => x.includes('level=warn') && x.includes('endpoint=bad'))).toHaveLength(1);
  });
});
