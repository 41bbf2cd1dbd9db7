/**
 * Maintenance windows in a real Alertmanager 0.25 (amtool cannot judge mute
 * times): the generated alertmanager.yml, a one-off window that holds "now"
 * for one endpoint, a weekly one in Asia/Tokyo (Alertmanager's `location`)
 * that holds "now" for another, one that starts tomorrow, alerts posted
 * through the v2 API, Slack and PagerDuty stand-ins (test/e2e/capture.ts).
 * The endpoint in maintenance gets nothing; the others still notify.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTMANAGER_FILE } from '../../../alerts/index.js';
import { pagerDutyCapture, slackCapture, type Capture } from '../../e2e/capture.js';
import { configFromYaml } from '../../support/config.js';
import { eventually } from '../../support/scrape.js';
import { startAlertmanager, type RunningAlertmanager } from '../../support/alertmanager.js';
import { writeGenerated } from './support.js';

const ROUTING_KEY = 'a'.repeat(32);
const minute = 60_000;

let am: RunningAlertmanager | undefined;
let base = '';
let slack: Capture;
let pagerduty: Capture;

const endpointsOf = (c: Capture) => [...new Set(c.received.map((n) => n.endpoint))].sort();

describe('Alertmanager 0.25 mutes exactly the endpoints in maintenance', () => {
  beforeAll(async () => {
    slack = await slackCapture('#webhooks');
    pagerduty = await pagerDutyCapture(ROUTING_KEY);
    const dir = mkdtempSync(join(tmpdir(), 'hookwatch-maint-am-'));
    writeFileSync(join(dir, 'slack_url'), slack.url);
    writeFileSync(join(dir, 'pd_key'), ROUTING_KEY);
    const now = Math.floor(Date.now() / minute) * minute;
    const iso = (t: number) => new Date(t).toISOString();
    // Tokyo's weekday and clock 10 minutes ago and in 20 minutes: a weekly window around now (split when it crosses midnight there).
    const tokyo = (t: number) => Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', weekday: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(t).map((p) => [p.type, p.value]));
    const from = tokyo(now - 10 * minute);
    const to = tokyo(now + 20 * minute);
    const config = configFromYaml(`
endpoints:
  - { name: muted, url: "https://muted.example/h" }
  - { name: later, url: "https://later.example/h" }
  - { name: loud, url: "https://loud.example/h" }
  - { name: weekly, url: "https://weekly.example/h" }
notify:
  slack: { api_url_file: ${join(dir, 'slack_url')}, channel: "#webhooks" }
  pagerduty: { routing_key_file: ${join(dir, 'pd_key')}, url: "${pagerduty.url}" }
  group_wait: 1s
  group_interval: 2s
maintenance:
  - { name: now, endpoints: [muted], start: "${iso(now - 2 * minute)}", end: "${iso(now + 60 * minute)}" }
  - { name: tokyo, endpoints: [weekly], time_zone: Asia/Tokyo, weekly: [{ weekdays: [${from.weekday!.toLowerCase()}], times: { start: "${from.hour}:${from.minute}", end: "${to.hour}:${to.minute}" } }] }
  - { name: tomorrow, endpoints: [later], start: "${iso(now + 1440 * minute)}", end: "${iso(now + 1500 * minute)}" }
`);
    am = await startAlertmanager(join(writeGenerated(config), ALERTMANAGER_FILE));
    base = am.url;
    const startsAt = iso(Date.now());
    const alerts = ['muted', 'weekly', 'later', 'loud'].map((endpoint) => ({
      labels: { alertname: 'WebhookEndpointDown', severity: 'critical', endpoint },
      annotations: { summary: 'down', description: 'down' },
      startsAt,
    }));
    const res = await fetch(`${base}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(alerts) });
    expect(res.ok).toBe(true);
  }, 120_000);

  afterAll(async () => {
    await am?.stop();
    await slack?.server.close();
    await pagerduty?.server.close();
  });

  it('still notifies the others, on Slack and PagerDuty, and never the endpoints in maintenance', async () => {
    await eventually(() => endpointsOf(slack).length >= 2 && endpointsOf(pagerduty).length >= 2, 60_000);
    // Three more group intervals: a muted group would have been flushed by now.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(endpointsOf(slack)).toEqual(['later', 'loud']);
    expect(endpointsOf(pagerduty)).toEqual(['later', 'loud']);
    expect([...slack.invalid, ...pagerduty.invalid]).toEqual([]);
  }, 120_000);

  it('keeps the muted alert active (not silenced, not inhibited): probes and rules go on', async () => {
    const got = await (await fetch(`${base}/api/v2/alerts?filter=endpoint%3D%22muted%22`)).json() as { status: { state: string } }[];
    expect(got.map((a) => a.status.state)).toEqual(['active']);
  });
});
