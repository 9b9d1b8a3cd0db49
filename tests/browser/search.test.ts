import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { siteInChromium } from '../helpers/browser';
import { SCREENSHOTS } from '../helpers/paths';
import { newsroomArticles } from '../helpers/newsroom-fixtures';

const site = siteInChromium(() => inject('newsroomDist'));
const target = newsroomArticles()[13]!;

describe('search in Chromium', () => {
  it('finds an article by a word of its body, from the keyboard, loading Pagefind only once used', async () => {
    const page = await site.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/search/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);

    // Skip link, site name, five section links, then the search field: all reachable with Tab.
    await page.keyboard.press('Tab');
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'q'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('q');
    await page.keyboard.type(target.word);
    await page.keyboard.press('Enter');
    const results = page.locator('#search-results a');
    await results.first().waitFor();
    expect(await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([`/articles/${target.slug}/`]);
    expect(await results.first().textContent()).toBe(target.title);
    expect(await page.locator('#search-status').textContent()).toBe('1 article found.');
    expect(requests.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'search-results.png'), fullPage: true });

    await results.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/articles/${target.slug}/`);
    await page.close();
  });

  it('points to the archive when script is off', async () => {
    const page = await site.context.newPage();
    const cdp = await site.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${site.url}/search/`);
    expect(await page.locator('form.search').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'archive', exact: true }).getAttribute('href')).toBe('/archive/');
    await page.close();
  });
});
