/**
 * What the status page's browser tests share: Debian's Chromium through
 * playwright-core, a temporary folder for the config, clean-up of both and
 * of every CLI started, and screenshots under test-artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { stopAll } from '../../support/process.js';
import { ROOT } from '../../support/tools.js';

const CHROMIUM = '/usr/bin/chromium';

/** A temporary folder and a browser launcher, both cleaned up (with every CLI started) after the file's tests. */
export function browserSession(name: string): { readonly dir: string; launch(): Promise<Browser> } {
  const dir = mkdtempSync(join(tmpdir(), `hookwatch-status-${name}-`));
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    stopAll();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    launch: async () => (browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-dev-shm-usage'] })),
  };
}

/** Saves a full-page screenshot as test-artifacts/NAME for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  await page.screenshot({ path: join(ROOT, 'test-artifacts', name), fullPage: true });
}

/** An `endpoints:` entry (YAML, indented as a list item) for a reference receiver on `port`. */
export function endpointYaml(name: string, port: number | undefined, signing: string): string {
  return `  - name: ${name}
    url: http://127.0.0.1:${port}/webhook
    health_url: http://127.0.0.1:${port}/webhook-health
    signing: ${signing}
`;
}
