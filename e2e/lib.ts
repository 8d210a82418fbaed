import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const screenshots = path.resolve(import.meta.dirname, 'screenshots');

let browser: Browser | null = null;

/** Debian's Chromium, headless, with no traffic beyond loopback. */
export async function newContext(
  options: { width?: number; height?: number; isMobile?: boolean } = {},
): Promise<BrowserContext> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    isMobile: options.isMobile ?? false,
    locale: 'fr-FR',
  });
  // Generous: CI machines are shared, and a first page load also compiles the app's chunks.
  context.setDefaultTimeout(30_000);
  return context;
}

after(async () => {
  await browser?.close();
});

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** axe-core on the current page: no serious or critical violation. */
export async function assertAccessible(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const summary = blocking.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  assert.deepEqual(summary, [], `${name}: accessibility violations`);
}

export const demoPassword = 'relais-demo-2026';

/** Moves the server's clock (web and worker) to `offsetMs` from real time; returns its "now". */
export async function setServerClock(offsetMs: number): Promise<Date> {
  const url = process.env.E2E_CLOCK_URL;
  if (!url) throw new Error('E2E_CLOCK_URL is not set: run the specs through `npm run test:e2e`');
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ offsetMs }) });
  return new Date(((await response.json()) as { now: string }).now);
}
