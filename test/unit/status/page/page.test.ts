import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { StatusHistory } from '../../../../status/history.js';
import { buildStatus } from '../../../../status/model.js';
import { ASSETS, assetRoutes, pageScripts } from '../../../../status/page/assets.js';
import { escapeHtml, jsonForScript, renderPage } from '../../../../status/page/html.js';
import { configFromYaml } from '../../../support/config.js';

describe('status page', () => {
  it('the page script is ES modules that import only each other, and never writes markup', () => {
    const modules = pageScripts();
    expect([...modules.keys()]).toContain('status.js');
    for (const [name, text] of modules) {
      expect(() => execFileSync(process.execPath, ['--check', '--input-type=module'], { input: text, stdio: 'pipe' }), name).not.toThrow();
      // No markup from data: the script never assigns innerHTML.
      expect(text, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      const imports = [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      for (const i of imports) expect(modules.has(i.replace(/^\.\//, '')), `${name} imports ${i}`).toBe(true);
    }
  });

  it('serves every module of the script beside status.js, as JavaScript', () => {
    const routes = assetRoutes();
    for (const name of pageScripts().keys()) expect(routes[`/assets/${name}`], name).toBeTypeOf('function');
    expect(Object.keys(routes)).toEqual(expect.arrayContaining(Object.values(ASSETS)));
  });

  it('embedded data cannot close its script element', () => {
    expect(jsonForScript({ a: '</script><script>alert(1)</script>' })).not.toContain('</script');
    expect(JSON.parse(jsonForScript({ a: '</script>\u2028' }))).toEqual({ a: '</script>\u2028' });
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('links only local assets, /metrics and the API', () => {
    const config = configFromYaml('endpoints: [{ name: x, url: "http://127.0.0.1:1/" }]');
    const html = renderPage(buildStatus({ config, targets: [], history: new StatusHistory(1), now: 0, version: '1.0.0' }));
    const refs = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(4);
    for (const r of refs) expect(r).toMatch(/^(\/|#|data:)/);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('lang="en"');
  });
});
