import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launch, serve } from '../helpers/browser';
import { SCREENSHOTS } from '../helpers/paths';
import { builtPages, pageUrl } from '../helpers/site-files';
import { pagePolicy, withCspMeta } from '../../src/security/csp';

const xssPages = (await builtPages(inject('xssBuild').distDir)).map((p) => p.file);
const sitePages = (await builtPages(inject('distDir'))).map((p) => p.file);
let xssServer: Awaited<ReturnType<typeof serve>>;
let siteServer: Awaited<ReturnType<typeof serve>>;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;

beforeAll(async () => {
  [xssServer, siteServer, browser] = await Promise.all([serve(inject('xssBuild').distDir), serve(inject('distDir')), launch(inject('chromiumPath'))]);
  context = browser.context;
  // Every Content-Security-Policy violation a page reports, to be read back after the visit.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([xssServer?.close(), siteServer?.close()]);
});

/**
 * Opens a page, then focuses, hovers and clicks every element in <main> and tabs through the page.
 * Nothing leaves the machine: requests to another origin are recorded and refused, and navigations after
 * the page has loaded are recorded and answered 204 (so the page stays).
 */
async function visit(origin: string, path: string, screenshot?: string) {
  const page = await context.newPage();
  const seen = { dialogs: [] as string[], marked: [] as string[], foreign: [] as string[], navigations: [] as string[], popups: 0 };
  let loaded = false;
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', () => seen.popups++);
  await page.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    if (/xssmark/i.test(url)) seen.marked.push(url);
    if (request.isNavigationRequest() && loaded) {
      seen.navigations.push(url);
      return route.fulfill({ status: 204 });
    }
    if (new URL(url).origin !== origin) {
      seen.foreign.push(url);
      return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  loaded = true;
  // Where the page's links lead, without #fragment (a navigation request carries none).
  const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href.replace(/#.*$/, '')));
  await page.evaluate(async () => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('main *'))) {
      el.focus();
      for (const type of ['mouseover', 'mouseenter', 'mousedown', 'mouseup']) el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
      // SVG and MathML elements have no click(): dispatch the event instead.
      if (typeof el.click === 'function') el.click();
      else el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await new Promise((done) => setTimeout(done, 0));
    }
  });
  for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
  await page.waitForTimeout(100);
  if (screenshot) await page.screenshot({ path: join(SCREENSHOTS, screenshot), fullPage: true });
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const url = page.url().replace(/#.*$/, '');
  await page.close();
  return { ...seen, violations, url, links };
}

describe('hostile articles in Chromium', () => {
  it.each(xssPages)('%s: no dialog, no payload request, no navigation, nothing from another origin', async (file) => {
    const path = pageUrl(file);
    const result = await visit(xssServer.url, path, file.startsWith('articles/xss-frontmatter-tags') ? 'xss-frontmatter-tags.png' : undefined);
    expect(result.dialogs).toEqual([]);
    // A payload may only reach the network as the address of a link the reader clicked (GFM autolinks a URL
    // left as text, e.g. in `<SCRIPT/XSS SRC="https://…">`, which CommonMark does not read as a tag).
    expect(result.marked.filter((url) => !(result.navigations.includes(url) && result.links.includes(url)))).toEqual([]);
    expect(result.foreign).toEqual([]);
    expect(result.popups).toBe(0);
    expect(result.url).toBe(`${xssServer.url}${path}`);
    // Clicking an ordinary link asks to navigate (answered 204 here); nothing else may.
    for (const target of result.navigations) expect(result.links).toContain(target);
    // The only thing the policy had to stop is the off-site image the sanitizer keeps (http(s) src is allowed).
    expect(result.violations.filter((v) => !/^img-src https:\/\/xss\.invalid\//.test(v))).toEqual([]);
  });
});

describe('the ordinary site in Chromium', () => {
  it.each(sitePages)('%s: the policy blocks nothing the site needs, and nothing loads from another origin', async (file) => {
    const result = await visit(siteServer.url, pageUrl(file));
    expect(result.violations).toEqual([]);
    expect(result.foreign).toEqual([]);
    expect(result.dialogs).toEqual([]);
  });

  it("runs an inline script whose hash the build computed, and blocks one it did not", async () => {
    const page = await context.newPage();
    const html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>before</title><script>document.title = "hashed ran"</script></head><body><p>x</p></body></html>';
    const secured = withCspMeta(html, pagePolicy(html)).replace('</body>', '<script>document.title = "injected ran"</script><p onclick="x()" id="p">y</p></body>');
    await page.route('**/csp-probe.html', (route) => route.fulfill({ contentType: 'text/html', body: secured }));
    await page.goto(`${siteServer.url}/csp-probe.html`);
    expect(await page.title()).toBe('hashed ran');
    const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    expect(violations).toEqual(['script-src-elem inline', 'script-src-attr inline'].filter((v) => violations.includes(v)));
    expect(violations.length).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
