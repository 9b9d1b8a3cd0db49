import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWithoutScript, siteInChromium } from '../helpers/browser';
import { SEED_SLUG, SCREENSHOTS } from '../helpers/paths';

const site = siteInChromium();

describe('a reader in Chromium', () => {
  it('opens the home page, follows the link and reads the article', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.url}/`);
    expect(await page.title()).toBe('The Reader');
    await page.getByRole('link', { name: 'Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran' }).click();
    await page.waitForURL(`**/articles/${SEED_SLUG}/`);
    expect(await page.title()).toBe('Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran | The Reader');
    const text = await page.locator('main').innerText();
    expect(text).toContain('YWN (Yeshiva World News) · Israel Desk · Jerusalem');
    expect(text).toContain('Published 16 December 2024');
    expect(text).toContain('He also noted that “the soldiers were welcomed, given the necessary assistance, and their needs were met.”');
    await page.close();
  });

  it('reads the article with JavaScript turned off', async () => {
    const page = await pageWithoutScript(site.context);
    await page.goto(`${site.url}/articles/${SEED_SLUG}/`);
    expect(await page.locator('.article-body p').count()).toBe(10);
    await page.close();
  });

  it('serves the 404 page for an unknown address', async () => {
    const page = await site.context.newPage();
    const response = await page.goto(`${site.url}/articles/no-such-article/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('Page not found');
    await page.close();
  });

  it.each([375, 1280])('looks right at %i px wide (screenshot saved)', async (width) => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${site.url}/articles/${SEED_SLUG}/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, `article-${width}.png`), fullPage: true });
    await page.goto(`${site.url}/`);
    await page.screenshot({ path: join(SCREENSHOTS, `home-${width}.png`), fullPage: true });
    await page.close();
  });
});
