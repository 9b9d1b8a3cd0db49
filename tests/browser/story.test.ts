import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteInChromium } from '../helpers/browser';
import { SCREENSHOTS } from '../helpers/paths';

const site = siteInChromium();
const LONG = '/articles/print-fixture/';

describe('share quote in Chromium', () => {
  it('offers a text-fragment link for a selected sentence, and the link opens the page at the quote, highlighted', async () => {
    const page = await site.context.newPage();
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.goto(`${site.url}${LONG}`);
    const box = page.locator('.quote-share');
    expect(await box.isHidden()).toBe(true);
    // Select the first sentence of a paragraph far below the fold, as a reader's drag would.
    const paragraph = page.locator('.article-body > p').last();
    const quote = await paragraph.evaluate((p) => {
      const text = p.firstChild as Text;
      const sentence = /^[^.!?]+[.!?]/.exec(text.data)![0];
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, sentence.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return sentence.replace(/\s+/g, ' ').trim();
    });
    await expect.poll(() => box.isVisible()).toBe(true);
    const link = box.locator('a');
    expect(await link.textContent()).toBe('Share quote');
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`http://localhost:4321${LONG}#:~:text=`)).toBe(true);
    expect(decodeURIComponent(href.split(':~:text=')[1]!)).toBe(quote);
    // Keyboard: the link is focusable and stays while focused.
    await link.focus();
    await page.evaluate(() => getSelection()!.removeAllRanges());
    expect(await box.isVisible()).toBe(true);

    // Opening the shared link (on this test server's origin) scrolls to the quote; a quote not on the page does not.
    const opened = await site.context.newPage();
    await opened.setViewportSize({ width: 1280, height: 500 });
    await opened.goto(href.replace('http://localhost:4321', site.url));
    const top = () => opened.locator('.article-body > p').last().evaluate((p) => p.getBoundingClientRect().top);
    await expect.poll(top, { timeout: 5000 }).toBeLessThan(500);
    expect(await top()).toBeGreaterThanOrEqual(0);
    expect(await opened.evaluate(() => scrollY)).toBeGreaterThan(0);
    await opened.screenshot({ path: join(SCREENSHOTS, 'share-quote-opened.png') });
    // The control: a fresh page (the same page would keep its scroll) with a quote the article does not have.
    const missing = await site.context.newPage();
    await missing.setViewportSize({ width: 1280, height: 500 });
    await missing.goto(`${site.url}${LONG}#:~:text=${encodeURIComponent('words that are not in this article')}`);
    await missing.waitForTimeout(500);
    expect(await missing.evaluate(() => scrollY)).toBe(0);
    await Promise.all([page.close(), opened.close(), missing.close()]);
  });
});

describe('age notice in Chromium', () => {
  it('is corrected by the page script for the day the page is read', async () => {
    const page = await site.context.newPage();
    // Read long after the build: the notice counts from the reader's date, not the build's.
    await page.clock.setFixedTime(new Date('2031-01-15T12:00:00Z'));
    await page.goto(`${site.url}/articles/sponsored-sections-fixture/`);
    await expect.poll(() => page.locator('.age-notice').textContent()).toBe('This article is more than 7 years old');
    await page.screenshot({ path: join(SCREENSHOTS, 'story-sponsored-old.png') });
    // Read when it was young: the script hides the notice the build wrote.
    await page.clock.setFixedTime(new Date('2023-12-01T12:00:00Z'));
    await page.reload();
    await expect.poll(() => page.locator('.age-notice').isHidden()).toBe(true);
    await page.close();
  });
  it('is recounted in the article\'s language with its plural forms: the Arabic dual for two years', async () => {
    const page = await site.context.newPage();
    // The Arabic fixture, published 2025-01-12, read two and then three years later.
    await page.clock.setFixedTime(new Date('2027-03-01T12:00:00Z'));
    await page.goto(`${site.url}/articles/arabic-rtl-fixture/`);
    await expect.poll(() => page.locator('.age-notice').textContent()).toBe('مضى على هذا المقال أكثر من سنتين');
    await page.clock.setFixedTime(new Date('2028-03-01T12:00:00Z'));
    await page.reload();
    await expect.poll(() => page.locator('.age-notice').textContent()).toBe('مضى على هذا المقال أكثر من 3 سنوات');
    await page.close();
  });
});
