/**
 * `/api/status` in pieces: the same model as `buildStatus`, built one
 * piece of endpoints at a time, never the whole fleet before the first
 * piece is written.
 */
import { describe, expect, it } from 'vitest';
import { buildTargets } from '../../../prober/targets.js';
import { StatusHistory } from '../../../status/history.js';
import { statusJson } from '../../../status/json.js';
import { buildStatus, statusParts, type ModelInput } from '../../../status/model.js';
import { pageAround, renderPage, scriptSafe } from '../../../status/page/html.js';
import { configFromYaml } from '../../support/config.js';
import { failure, outcome } from './outcomes.js';

const NOW = 50_000;
const N = 120;
const names = Array.from({ length: N }, (_, i) => `  - name: ep-${i}\n    url: http://127.0.0.1:1/e${i}\n    health_url: http://127.0.0.1:1/h${i}\n    signing: { scheme: standard-webhooks, secret: whsec_c2VjcmV0LWZvci1zdGF0dXMtdGVzdA }`).join('\n');
const config = configFromYaml(`endpoints:\n${names}\nprober: { interval: 60s, history_size: 30 }\ngrafana: { url: "https://grafana.example/" }\n`);
const targets = buildTargets(config);

function input(): ModelInput {
  const history = new StatusHistory(config.prober.historySize);
  for (let k = 5; k > 0; k--) {
    for (let i = 0; i < N; i++) {
      const endpoint = `ep-${i}`;
      history.record(i % 7 === 0 && k === 1
        ? failure(NOW - k * 60, { endpoint, detail: `refused </script> whsec_c2VjcmV0LWZvci1zdGF0dXMtdGVzdA \u2028` })
        : outcome(NOW - k * 60, { endpoint }));
      if (i % 2) history.record(outcome(NOW - k * 60 + 1, { endpoint, check: 'health', status: 200 }));
    }
  }
  return { config, targets, history, now: NOW, version: '1.2.3' };
}

async function text(pieces: AsyncIterable<string>): Promise<{ json: string; count: number }> {
  let json = '';
  let count = 0;
  for await (const p of pieces) {
    json += p;
    count += 1;
  }
  return { json, count };
}

describe('statusJson', () => {
  it('parses to the model buildStatus makes, in pieces of endpoints', async () => {
    const inp = input();
    const { json, count } = await text(statusJson(statusParts(inp), 50));
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(buildStatus(inp))));
    expect(count).toBe(3);
    expect(json).not.toContain('whsec_');
  });

  it('builds each endpoint only when its piece is written', async () => {
    const parts = statusParts(input());
    const pieces = statusJson(parts, 50);
    const first = await pieces.next();
    expect(first.done).toBe(false);
    expect(parts.summary.endpoints).toBe(50);
    expect(JSON.parse(`${first.value as string}]}`).endpoints).toHaveLength(50);
    await text(pieces);
    expect(parts.summary.endpoints).toBe(N);
  });

  it('the page around the pieces is the page renderPage writes', async () => {
    const inp = input();
    const parts = statusParts(inp);
    const [before, after] = pageAround(parts.head);
    let data = '';
    for await (const p of statusJson(parts, 7)) data += scriptSafe(p);
    const page = `${before}${data}${after}`;
    const dataOf = (html: string) => JSON.parse(/<script id="status-data" type="application\/json">([^<]*)<\/script>/.exec(html)![1]!);
    expect(page).not.toContain('</script> whsec');
    expect(dataOf(page)).toEqual(dataOf(renderPage(buildStatus(inp))));
    expect(page.replace(/(<script id="status-data"[^>]*>)[^<]*/, '$1')).toBe(renderPage(buildStatus(inp)).replace(/(<script id="status-data"[^>]*>)[^<]*/, '$1'));
  });
});
