import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { siteInChromium } from '../helpers/browser';
import { SCREENSHOTS } from '../helpers/paths';
import { NEWSROOM_SIZE, newsroomArticles } from '../helpers/newsroom-fixtures';

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
    // The article that holds the word comes first. The index is in eight parts here: a part without the word gives
    // its nearest words (Pagefind matches "quillmarks" to "quillmarkn" when it has nothing closer), after it.
    expect(await results.first().getAttribute('href')).toBe(`/articles/${target.slug}/`);
    expect(await results.first().textContent()).toBe(target.title);
    expect(await page.locator('#search-status').textContent()).toMatch(/^\d+ articles? found\.$/);
    expect(requests.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
    // The query is in the address, the matched word is marked, and the result says when and which desk.
    expect(new URL(page.url()).search).toBe(`?q=${target.word}`);
    expect(await page.locator('#search-results li').first().locator('mark').allTextContents()).toEqual([target.word]);
    expect(await page.locator('#search-results .meta').first().textContent()).toMatch(new RegExp(`^\\d{1,2} \\w+ \\d{4} · ${target.desk}$`));
    await page.screenshot({ path: join(SCREENSHOTS, 'search-results.png'), fullPage: true });

    await results.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/articles/${target.slug}/`);
    // Back from the result returns to the same results.
    await page.goBack();
    await page.locator('#search-results a').first().waitFor();
    expect(await page.inputValue('#q')).toBe(target.word);
    expect(await page.locator('#search-results a').first().textContent()).toBe(target.title);
    await page.close();
  });

  it('finds articles in every part of the index (eight parts of at most ten pages, merged by the search page)', async () => {
    const page = await site.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${site.url}/search/?q=generated`);
    await page.locator('#search-results a').first().waitFor();
    expect(await page.locator('#search-status').textContent()).toBe(`${NEWSROOM_SIZE} articles found (1–20).`);
    expect(requests).toContain('/pagefind/shards.json');
    // 47 article pages in parts of at most 10 (SEARCH_SHARD_PAGES in the test setup): 8 parts, the first in /pagefind/.
    const others = JSON.parse(readFileSync(join(inject('newsroomDist'), 'pagefind/shards.json'), 'utf8')) as string[];
    expect(others).toEqual(['/pagefind/1/', '/pagefind/2/', '/pagefind/3/', '/pagefind/4/', '/pagefind/5/', '/pagefind/6/', '/pagefind/7/']);
    for (const part of others) expect(requests).toContain(`${part}pagefind-entry.json`);
    // One WebAssembly module for all parts: Pagefind searches merged indexes with the first one's.
    expect(requests.filter((p) => p.endsWith('.pagefind') && p.includes('wasm'))).toEqual(['/pagefind/wasm.en.pagefind']);
    await page.close();
  });

  it('suggests the archive and the desks when nothing is found', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.url}/search/?q=zzxqvnotaword`);
    const none = page.locator('#search-none');
    await none.waitFor();
    expect(await none.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(['/archive/', '/desks/']);
    expect(await page.locator('#search-results li').count()).toBe(0);
    await page.close();
  });

  it('points to the archive when script is off', async () => {
    const page = await site.context.newPage();
    const cdp = await site.context.newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(`${site.url}/search/`);
    expect(await page.locator('form.search').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: 'Archive', exact: true }).last().getAttribute('href')).toBe('/archive/');
    await page.close();
  });
});

describe('search results from a long article', () => {
  const full = siteInChromium();

  it('cut the excerpt with an ellipsis at both ends, and a shared ?q= address runs the search', async () => {
    const page = await full.context.newPage();
    await page.goto(`${full.url}/search/?q=Qaani`);
    const excerpt = page.locator('#search-results .excerpt').first();
    await excerpt.waitFor();
    const text = (await excerpt.textContent())!;
    expect(text.startsWith('…') && text.endsWith('…'), text).toBe(true);
    expect(await excerpt.locator('mark').first().textContent()).toBe('Qaani');
    expect(await page.locator('#search-results h2 a').first().getAttribute('href')).toMatch(/^\/articles\/iran-stands-alone/);
    await page.close();
  });
});
