import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, pageWithoutScript, siteInChromium } from '../helpers/browser';
import { PHOTO_ARTICLES } from '../helpers/photo-fixtures';
import { SCREENSHOTS, TEST_OUTPUT } from '../helpers/paths';

// The photo test site (seed + photo articles) in real Chromium.
const site = siteInChromium(() => inject('photoDist'));
const FOLDER = `/articles/${PHOTO_ARTICLES.folder}/`;
const RTL = `/articles/${PHOTO_ARTICLES.rtl}/`;
/** The lead photograph's bytes at a 412 px wide phone (issue 14's budget). */
const LEAD_BUDGET = 60 * 1024;

interface Visit {
  page: Page;
  /** Every response: address and body size. */
  responses: { url: string; bytes: number }[];
}

async function visit(path: string, { width = 412, height = 915, scheme = 'light' as 'light' | 'dark' } = {}): Promise<Visit> {
  const page = await site.context.newPage();
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: scheme });
  const responses: Visit['responses'] = [];
  page.on('response', (response) => {
    void response.body().then((body) => responses.push({ url: response.url(), bytes: body.length }), () => undefined);
  });
  await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
  return { page, responses };
}

/** Scrolls to the end of the page step by step, so every lazy photograph loads, then waits for the network. */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y <= height; y += 400) await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
}

describe('the photographs of an article in Chromium', () => {
  it('are AVIF, the lead within 60 KB at a 412 px phone, every image with alt text, nothing from another origin', async () => {
    const { page, responses } = await visit(FOLDER);
    await scrollThrough(page);
    const images = await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.photo img')].map((img) => ({ src: img.currentSrc, alt: img.alt, shown: img.naturalWidth })));
    expect(images).toHaveLength(3);
    for (const image of images) {
      expect(image.src, image.src).toMatch(/\.(avif|webp)$/);
      expect(image.alt).not.toBe('');
      expect(image.shown).toBeGreaterThan(0);
    }
    expect(images[0]!.src).toMatch(/\.avif$/);
    // At 1x a 372 px column takes the 480 px candidate, not the 2,400 px original.
    const lead = responses.filter((r) => r.url === images[0]!.src);
    expect(lead).toHaveLength(1);
    expect(lead[0]!.bytes).toBeLessThanOrEqual(LEAD_BUDGET);
    expect(responses.filter((r) => r.url.includes('lead.') && !r.url.endsWith('.avif'))).toEqual([]);
    expect(responses.map((r) => r.url).filter((url) => !url.startsWith(site.url))).toEqual([]);
    await page.close();
  });

  it('shift nothing as they load: every <img> has its box before its bytes arrive', async () => {
    const { page } = await visit(FOLDER, { width: 1280, height: 800 });
    await scrollThrough(page);
    const shift = await page.evaluate(() => new Promise<number>((done) => {
      new PerformanceObserver((list) => done(list.getEntries().reduce((sum, entry) => sum + (entry as unknown as { value: number }).value, 0)))
        .observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => done(0), 500);
    }));
    expect(shift).toBe(0);
    // Each picture's box has the photograph's proportions from the first paint.
    const boxes = await page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('.photo img')].map((img) => [img.getBoundingClientRect().width / img.getBoundingClientRect().height, img.width / img.height]));
    for (const [shown, declared] of boxes) expect(shown!).toBeCloseTo(declared!, 1);
    await page.close();
  });

  it('keep their own colours in the dark theme (no filter, no dimming)', async () => {
    const { page } = await visit(FOLDER, { scheme: 'dark' });
    const styles = await page.evaluate(() => [...document.querySelectorAll('.photo img, .photo picture')].map((el) => {
      const style = getComputedStyle(el);
      return `${style.filter} ${style.opacity} ${style.mixBlendMode}`;
    }));
    expect(new Set(styles)).toEqual(new Set(['none 1 normal']));
    await page.screenshot({ path: join(SCREENSHOTS, 'photo-article-dark-412.png'), fullPage: false });
    await page.close();
  });

  it.each(['light', 'dark'] as const)('leave axe nothing to report on the photo article, the Arabic one and the home page (%s)', async (scheme) => {
    for (const path of [FOLDER, RTL, '/']) {
      const { page } = await visit(path, { width: 1280, height: 900, scheme });
      expect(await axeViolations(page), path).toEqual([]);
      await page.close();
    }
  });

  it('show without JavaScript', async () => {
    const page = await pageWithoutScript(site.context);
    await page.goto(`${site.url}${FOLDER}`, { waitUntil: 'load' });
    expect(await page.evaluate(() => (document.querySelector('.lead-photo img') as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('.lead-photo figcaption').isVisible()).toBe(true);
    await page.close();
  });

  it('are saved as screenshots at 375 and 1280 px, in English and Arabic, for a person to look at', async () => {
    for (const [name, path] of [['photo-article', FOLDER], ['photo-article-ar', RTL], ['photo-home', '/']] as const) {
      for (const width of [375, 1280]) {
        const { page } = await visit(path, { width, height: 900 });
        await scrollThrough(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
        await page.close();
      }
    }
    // The Arabic caption sits under its photograph, right-aligned like the text around it.
    const { page } = await visit(RTL);
    const [caption, photo] = await page.evaluate(() => [document.querySelector('.lead-photo figcaption')!, document.querySelector('.lead-photo img')!].map((el) => el.getBoundingClientRect()));
    expect(caption!.top).toBeGreaterThanOrEqual(photo!.bottom);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.lead-photo figcaption')!).direction)).toBe('rtl');
    await page.close();
  });

  it('print: the lead photograph with caption and credit, body figures whole', async () => {
    const out = join(TEST_OUTPUT, 'print');
    await mkdir(out, { recursive: true });
    const { page } = await visit(FOLDER, { width: 1280, height: 900 });
    await scrollThrough(page);
    const file = join(out, 'photo-article.pdf');
    await page.pdf({ path: file, format: 'A4' });
    await page.close();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const words of ['The container quay at dawn on Tuesday.', 'Stacked containers on the east quay.', 'Ships waiting to berth, by day.']) expect(text).toContain(words);
    // Credits are set in capitals by CSS; pdftotext reads what is printed.
    expect(text.toUpperCase()).toContain('DANA LEVI / THE READER');
    expect(text.toUpperCase()).toContain('OMAR HADDAD / THE READER');
    // The photographs are on paper: pdfimages lists the three.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(3);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(out, 'photo-article-page1')]);
  });
});
