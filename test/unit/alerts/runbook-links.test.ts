/**
 * Where runbook links point. With no `alerts.runbook_base_url` they are
 * paths into this repository (`alerts/runbooks/<Alert>.md`) that exist,
 * never an invented host; only where a link must be an absolute URL
 * (PagerDuty's `links`, Grafana's panel links) are they left out until the
 * base URL is set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertGroups } from '../../../alerts/index.js';
import { receivers } from '../../../alerts/alertmanager/receivers.js';
import { isAlertRule } from '../../../alerts/model.js';
import { buildDashboards } from '../../../dashboards/index.js';
import { ROOT } from '../../support/tools.js';
import { configFromText } from '../dashboards/support.js';

const yaml = (extra = '') => `endpoints:
  - { name: primary, url: "https://primary.example.com/webhook" }
notify:
  pagerduty: { routing_key_file: /run/secrets/pd }
  routes: { critical: [pagerduty] }
${extra}`;
const BASE = 'https://git.example.com/ops/hookwatch/blob/main/alerts/runbooks/';

const annotations = (text: string) => alertGroups(configFromText(text)).flatMap((g) => g.rules).filter(isAlertRule).map((a) => [a.alert, a.annotations.runbook_url] as const);
const pagerDutyLinks = (text: string) => {
  const [pd] = receivers(configFromText(text)).find((r) => r.name === 'pagerduty')!.pagerduty_configs as { links?: { text: string }[] }[];
  return (pd!.links ?? []).map((l) => l.text);
};
const panelLinks = (text: string) => buildDashboards(configFromText(text))
  .flatMap(({ dashboard }) => ((JSON.parse(JSON.stringify(dashboard)) as { panels: { links?: { url: string }[] }[] }).panels))
  .flatMap((p) => p.links ?? []).map((l) => l.url);

describe('runbook links', () => {
  it('default to the runbook\'s path in this repository, which exists', () => {
    const list = annotations(yaml());
    expect(list.length).toBeGreaterThan(10);
    for (const [alert, url] of list) {
      expect(url).toBe(`alerts/runbooks/${alert}.md`);
      expect(existsSync(join(ROOT, url)), url).toBe(true);
    }
  });

  it('use alerts.runbook_base_url when set', () => {
    for (const [alert, url] of annotations(yaml(`alerts: { runbook_base_url: "${BASE}" }`))) expect(url).toBe(`${BASE}${alert}.md`);
  });

  it('are left out where an absolute URL is required until the base URL is set', () => {
    expect(pagerDutyLinks(yaml())).toEqual([]);
    expect(panelLinks(yaml())).toEqual([]);
    const withBase = yaml(`alerts: { runbook_base_url: "${BASE}" }`);
    expect(pagerDutyLinks(withBase)).toEqual(['Runbook']);
    const links = panelLinks(withBase);
    expect(links.length).toBeGreaterThan(5);
    for (const l of links) expect(l.startsWith(BASE), l).toBe(true);
  });
});
