// The static server and Chromium launcher live in scripts/lib/serve.mjs, shared with `npm run bench`.
import { afterAll, beforeAll, inject } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, serve } from '../../scripts/lib/serve.mjs';

export { serve, launch, CHROMIUM_ARGS } from '../../scripts/lib/serve.mjs';

/**
 * For one test file: serves a built site (the shared test build unless told otherwise) and launches Chromium
 * before the file's tests, and closes both after them. Read `site.url` and `site.context` inside tests.
 */
export function siteInChromium(dist: () => string = () => inject('distDir')): { url: string; context: BrowserContext } {
  const site = {} as { url: string; context: BrowserContext };
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  let browser: Awaited<ReturnType<typeof launch>> | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([serve(dist()), launch(inject('chromiumPath'))]);
    site.url = server.url;
    site.context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return site;
}

/** A new page of `context` that runs no script at all (as a reader with JavaScript turned off). */
export async function pageWithoutScript(context: BrowserContext, colorScheme?: 'light' | 'dark') {
  const page = await context.newPage();
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  return page;
}

const AXE = createRequire(import.meta.url).resolve('axe-core');

/** axe-core's violations on the page, as "rule: targets" lines (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the page's CSP.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is the global the evaluated source installs
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations as string[];
}
