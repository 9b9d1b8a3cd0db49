import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWithoutScript, siteInChromium } from '../helpers/browser';
import { SEED_SLUG, SCREENSHOTS } from '../helpers/paths';

const site = siteInChromium();


describe('sharing in Chromium', () => {
  it('opening #<third paragraph id> scrolls that paragraph into view and highlights it', async () => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.goto(`${site.url}/articles/${SEED_SLUG}/`);
    const id = await page.locator('.article-body > p').nth(2).getAttribute('id');
    expect(id).toMatch(/^p-[0-9a-f]{6}$/);
    const top = await page.locator(`#${id}`).evaluate((p) => p.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(500); // below the fold before
    await page.goto(`${site.url}/articles/${SEED_SLUG}/#${id}`);
    // Scrolling may be smooth (no reduced-motion preference here): wait for it to settle.
    await expect.poll(() => page.locator(`#${id}`).evaluate((p) => p.getBoundingClientRect().top), { timeout: 5000 }).toBeLessThan(500);
    const box = await page.locator(`#${id}`).evaluate((p) => ({ top: p.getBoundingClientRect().top, bg: getComputedStyle(p).backgroundColor, target: p.matches(':target') }));
    expect(box.target).toBe(true);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bg).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'paragraph-target.png') });
    await page.close();
  });

  it('shows the paragraph link on keyboard focus', async () => {
    const page = await site.context.newPage();
    await page.goto(`${site.url}/articles/${SEED_SLUG}/`);
    const link = page.locator('.article-body > p').first().locator('a.pl');
    expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('0');
    await link.focus();
    expect(await link.evaluate((a) => getComputedStyle(a).opacity)).toBe('1');
    expect(await link.getAttribute('aria-label')).toBe('Link to this paragraph');
    await page.close();
  });

  it('the Copy link button puts the permalink on the clipboard', async () => {
    await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
    const page = await site.context.newPage();
    await page.goto(`${site.url}/articles/${SEED_SLUG}/`);
    // The button's text changes when the copy is done, so find it by position, not by name.
    const button = page.locator('.share button').first();
    expect(await button.textContent()).toBe('Copy link');
    await button.click();
    await expect.poll(() => button.textContent(), { timeout: 5000 }).toBe('✓ Copy link');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`http://localhost:4321/articles/${SEED_SLUG}/`);
    await page.locator('.share').screenshot({ path: join(SCREENSHOTS, 'share.png') });
    await page.close();
  });

  it('without script the permalink is a plain link and no button shows', async () => {
    const page = await pageWithoutScript(site.context);
    await page.goto(`${site.url}/articles/${SEED_SLUG}/`);
    expect(await page.locator('.share a').innerText()).toBe(`http://localhost:4321/articles/${SEED_SLUG}/`);
    expect(await page.locator('.share button:visible').count()).toBe(0);
    await page.close();
  });
});
