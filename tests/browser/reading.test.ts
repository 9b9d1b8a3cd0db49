import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, pageWithoutScript, siteInChromium } from '../helpers/browser';
import { SEED_SLUG, SCREENSHOTS } from '../helpers/paths';

const ARTICLE = `/articles/${SEED_SLUG}/`;
const ARABIC = '/articles/arabic-rtl-fixture/';
const SPANISH = '/articles/spanish-fixture/';
const SEARCH = '/search/?q=Qaani';
const PAGES = { home: '/', article: ARTICLE, arabic: ARABIC, spanish: SPANISH, 'search results': SEARCH, archive: '/archive/', '404': '/articles/no-such-article/' };
const SCHEMES = ['light', 'dark'] as const;

const site = siteInChromium();

async function open(path: string, opts: { scheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
  const page = await site.context.newPage();
  await page.emulateMedia({ colorScheme: opts.scheme ?? 'light' });
  await page.setViewportSize({ width: opts.width ?? 1280, height: 900 });
  await page.goto(`${site.url}${path}`);
  // The search page fills in its results from the ?q= in its address.
  if (path.startsWith('/search/?')) await page.locator('#search-results li').first().waitFor();
  // Every test starts from the defaults: choices another test stored in this profile are dropped.
  if (await page.evaluate(() => { const n = localStorage.length; localStorage.clear(); return n; })) await page.reload();
  return page;
}

/** WCAG contrast ratio of two computed CSS colours (rgb()/rgba() strings). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map((n) => Number(n) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Computed colours of the page background and of text in several roles. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const css = (selector: string) => getComputedStyle(document.querySelector(selector)!).color;
    return {
      bg: getComputedStyle(document.body).backgroundColor,
      text: css('.article-body p'),
      link: css('.article-body a, .source-link a'),
      muted: css('.dates'),
      credit: css('.credit a'),
    };
  });

describe('accessibility (axe-core in Chromium)', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    for (const scheme of SCHEMES) {
      it(`finds no violation on the ${name} page in ${scheme} mode`, async () => {
        const page = await open(path, { scheme });
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  it('finds no violation with the Display menu open, in the dark theme chosen by the reader', async () => {
    const page = await open(ARTICLE);
    await page.getByText('Display', { exact: true }).click();
    await page.getByRole('button', { name: 'Dark' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('dark mode', () => {
  it('follows the system: dark background, light text, every role at least 4.5:1', async () => {
    const page = await open(ARTICLE, { scheme: 'dark' });
    const c = await colours(page);
    expect(contrast(c.bg, 'rgb(0, 0, 0)')).toBeLessThan(1.5); // dark
    expect(contrast(c.text, 'rgb(255, 255, 255)')).toBeLessThan(1.5); // light
    for (const role of ['text', 'link', 'muted', 'credit'] as const) expect(contrast(c[role], c.bg), role).toBeGreaterThanOrEqual(4.5);
    await page.close();
  });

  it('is the system theme even without script', async () => {
    const page = await pageWithoutScript(site.context, 'dark');
    await page.goto(`${site.url}${ARTICLE}`);
    const c = await colours(page);
    expect(contrast(c.bg, 'rgb(0, 0, 0)')).toBeLessThan(1.5);
    expect(contrast(c.text, c.bg)).toBeGreaterThanOrEqual(4.5);
    expect(await page.locator('#rc').isVisible()).toBe(false); // controls that cannot work are not shown
    expect(await page.locator('.article-body p').count()).toBe(10);
    await page.close();
  });
});

describe('keyboard flow on the seed article', () => {
  it('reaches the article footer from the skip link in at most 12 Tab presses', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    let presses = 0;
    while (presses < 40 && !(await page.evaluate(() => !!document.activeElement?.closest('.article-footer')))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(presses).toBeGreaterThan(0);
    expect(presses).toBeLessThanOrEqual(12);
    await page.close();
  });

  it('reaches every paragraph link: one Tab stop, then the arrow keys', async () => {
    const page = await open(ARTICLE);
    const links = page.locator('.article-body a.pl');
    const count = await links.count();
    expect(count).toBe(10);
    await links.first().focus();
    for (let i = 1; i < count; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement === [...document.querySelectorAll('.article-body a.pl')].at(-1))).toBe(true);
    await page.keyboard.press('ArrowUp');
    const focused = await page.evaluate(() => [...document.querySelectorAll('.article-body a.pl')].indexOf(document.activeElement as Element));
    expect(focused).toBe(count - 2);
    // Shown when focused, and its focus ring stays clear of the paragraph's text.
    const box = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const style = getComputedStyle(a), link = a.getBoundingClientRect(), text = a.parentElement!.getBoundingClientRect();
      const ring = link.right + parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      return { opacity: style.opacity, outline: style.outlineStyle, gap: text.left - ring };
    });
    expect(box).toMatchObject({ opacity: '1', outline: 'solid' });
    expect(box.gap).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

describe('reader controls', () => {
  it('are reached and used from the keyboard, and say which choice is on', async () => {
    const page = await open(ARTICLE);
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // site name
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Display');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // Auto (pressed)
    await page.keyboard.press('Tab'); // Light
    await page.keyboard.press('Tab'); // Dark
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: 'Auto' }).getAttribute('aria-pressed')).toBe('false');
    const isOpen = () => page.locator('#rc').evaluate((d) => (d as HTMLDetailsElement).open);
    // Escape closes the panel and returns focus to its summary.
    await page.keyboard.press('Escape');
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Display');
    // Tabbing out of the panel closes it, so it never covers the focused element.
    await page.keyboard.press('Enter');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
    expect(await isOpen()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('#rc'))).toBeNull();
    await page.close();
  });

  it('override the system theme, text size and font, and the choices survive a reload', async () => {
    const page = await open(ARTICLE, { scheme: 'light' });
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.article-body p')!).fontSize));
    const before = await size();
    await page.getByText('Display', { exact: true }).click();
    await page.getByRole('button', { name: 'Dark' }).click();
    await page.getByRole('button', { name: 'Larger' }).click();
    await page.getByRole('button', { name: 'Sans' }).click();
    await page.reload();
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({ theme: 'dark', size: 'xl', font: 'sans' });
    const c = await colours(page);
    expect(contrast(c.bg, 'rgb(0, 0, 0)')).toBeLessThan(1.5);
    expect(contrast(c.text, c.bg)).toBeGreaterThanOrEqual(4.5);
    expect(await size()).toBeGreaterThan(before * 1.25);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^system-ui/);
    await page.getByText('Display', { exact: true }).click();
    expect(await page.getByRole('button', { name: 'Larger' }).getAttribute('aria-pressed')).toBe('true');
    // No flash: the saved theme is on <html> before the body is even parsed.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody?: string }).themeAtBody = document.documentElement.dataset.theme;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe('dark');
    await page.getByText('Display', { exact: true }).click();
    // Back to the defaults: the stored choices are removed, the system theme rules again.
    for (const name of ['Auto', 'Normal', 'Serif']) await page.getByRole('button', { name }).click();
    await page.reload();
    expect(await page.evaluate(() => ({ ...document.documentElement.dataset, stored: localStorage.length }))).toEqual({ stored: 0 });
    await page.close();
  });
});

describe('system preferences', () => {
  it('marks the pressed choice with the system highlight in forced colours', async () => {
    const page = await open(ARTICLE);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.getByText('Display', { exact: true }).click();
    const bg = (name: string) => page.getByRole('button', { name }).evaluate((b) => getComputedStyle(b).backgroundColor);
    expect(await bg('Auto')).not.toBe(await bg('Light'));
    await page.close();
  });

  it('prints dark text on white paper even when the reader chose the dark theme', async () => {
    const page = await open(ARTICLE, { scheme: 'dark' });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.emulateMedia({ media: 'print' });
    const c = await colours(page);
    expect(contrast(c.text, 'rgb(0, 0, 0)')).toBeLessThan(1.5);
    expect(contrast(c.bg, 'rgb(255, 255, 255)')).toBeLessThan(1.5);
    await page.close();
  });

  it('scrolls smoothly to in-page targets only when the reader has not asked for reduced motion', async () => {
    const page = await open(ARTICLE);
    const behaviour = () => page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await behaviour()).toBe('smooth');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await behaviour()).toBe('auto');
    await page.close();
  });
});

describe('reflow and measure', () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`has no element wider than a 320 px viewport on the ${name} page, even at the largest text size`, async () => {
      const page = await open(path, { width: 320 });
      // Normal size, then the largest size with the Display menu open (it floats over the page).
      for (const size of ['', 'xl']) {
        await page.evaluate((s) => { if (s) { document.documentElement.dataset.size = s; (document.getElementById('rc') as HTMLDetailsElement).open = true; } }, size);
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 0.5 || r.left < -0.5); })
            .filter((el) => !el.matches('.skip-link'))
            .map((el) => el.outerHTML.slice(0, 80)),
        );
        expect(wide, `size ${size || 'normal'}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      }
      await page.close();
    });
  }

  it.each([['the seed article', ARTICLE], ['the Arabic article', ARABIC], ['the Spanish article (corrected, so two dates)', SPANISH]])(
    'on a phone, %s: the credit and the dates line never start or end a line with a separator, and never split "2 min read"',
    async (_name, path) => {
      const page = await open(path, { width: 375 });
      // Long desks and places, so the credit wraps at every possible place as the width changes.
      const desks = ['', 'International Investigations and Special Projects Desk', 'Metropolitan Desk'];
      const places = ['', 'Saint-Jean-Pied-de-Port, Pyrénées-Atlantiques', 'Tel Aviv-Yafo'];
      const found: string[] = [];
      for (const desk of desks) {
        for (const place of places) {
          for (const width of [320, 345, 375, 400]) {
            await page.setViewportSize({ width, height: 900 });
            found.push(...(await page.evaluate(([desk, place, width]) => {
              const header = document.querySelector('.article-header')!;
              const [deskLink, placeLink] = header.querySelectorAll<HTMLElement>('.credit a');
              if (desk) deskLink!.textContent = desk;
              if (place) placeLink!.textContent = place;
              const problems: string[] = [];
              for (const line of header.querySelectorAll<HTMLElement>('.credit, .dates')) {
                // Every visible character with the top of its line box: the box clips horizontally, so a character
                // outside it is not seen.
                const box = line.getBoundingClientRect();
                const chars: { char: string; top: number; x: number; el: Element }[] = [];
                const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
                const range = document.createRange();
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  for (let i = 0; i < node.textContent!.length; i++) {
                    if (!node.textContent![i]!.trim()) continue;
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const r = range.getBoundingClientRect();
                    if (r.width === 0 || r.right <= box.left + 0.5 || r.left >= box.right - 0.5) continue;
                    chars.push({ char: node.textContent![i]!, top: Math.round(r.top), x: r.left, el: node.parentElement! });
                  }
                }
                const lines = new Map<number, typeof chars>();
                for (const c of chars) lines.set(c.top, [...(lines.get(c.top) ?? []), c]);
                const rtl = getComputedStyle(line).direction === 'rtl';
                for (const [top, cs] of lines) {
                  cs.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
                  const text = cs.map((c) => c.char).join('');
                  if (text.startsWith('·') || text.endsWith('·')) problems.push(`${width}px ${line.className} line at ${top}: ${text}`);
                }
                // The reading time is on one line.
                const minutes = line.matches('.dates') ? [...line.querySelectorAll('span')].filter((s) => !s.querySelector('span')).at(-1) : undefined;
                if (minutes && new Set(chars.filter((c) => minutes.contains(c.el)).map((c) => c.top)).size !== 1) problems.push(`${width}px: "${minutes.textContent}" is split`);
              }
              return problems;
            }, [desk, place, width] as const)));
          }
        }
      }
      expect(found).toEqual([]);
      await page.close();
    },
  );

  it.each([768, 1280, 1920])('sets body text in lines of 60 to 75 characters at %i px', async (width) => {
    const page = await open(ARTICLE, { width });
    // Groups the characters of the longest paragraph by the top of their line box.
    const perLine = await page.evaluate(() => {
      const p = [...document.querySelectorAll('.article-body p')].sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!;
      const text = p.firstChild!;
      const lines = new Map<number, number>();
      const range = document.createRange();
      for (let i = 0; i < text.textContent!.length; i++) {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const top = Math.round(range.getBoundingClientRect().top);
        lines.set(top, (lines.get(top) ?? 0) + 1);
      }
      return [...lines.values()].slice(0, -1); // the last line is short by nature
    });
    expect(perLine.length).toBeGreaterThan(2);
    const mean = perLine.reduce((a, b) => a + b, 0) / perLine.length;
    expect(mean).toBeGreaterThanOrEqual(60);
    expect(mean).toBeLessThanOrEqual(75);
    await page.close();
  });
});

describe('the masthead above a page title', () => {
  it.each([375, 1280])('holds its own on listings, the archive, search and 404 at %i px, as on the article page', async (width) => {
    const measure = async (path: string) => {
      const page = await open(path, { width });
      const found = await page.evaluate(() => {
        const name = document.querySelector('.site-name')!;
        const title = document.querySelector('h1')!;
        return {
          name: parseFloat(getComputedStyle(name).fontSize),
          title: parseFloat(getComputedStyle(title).fontSize),
          gap: title.getBoundingClientRect().top - document.querySelector('.site-header')!.getBoundingClientRect().bottom,
        };
      });
      await page.close();
      return found;
    };
    const article = await measure(ARTICLE);
    for (const path of ['/', '/desks/', '/archive/', SEARCH, '/articles/no-such-article/']) {
      const { name, title, gap } = await measure(path);
      // The site's name is the same on every page, at least 24 px; the page's title is at most twice its size,
      // smaller than an article's headline, and stands clear of the header's rule.
      expect(name, path).toBe(article.name);
      expect(name, path).toBeGreaterThanOrEqual(24);
      expect(title / name, path).toBeLessThanOrEqual(2);
      expect(title, path).toBeLessThan(article.title);
      expect(gap, path).toBeGreaterThanOrEqual(16);
    }
  });
});

describe('right to left', () => {
  it('sets the Arabic article right to left, right-aligned, with mirrored quotes and lists', async () => {
    const page = await open(ARABIC, { width: 768 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const layout = await page.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      const firstLine = (s: string) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(s)!);
        return range.getClientRects()[0]!;
      };
      const style = (s: string) => getComputedStyle(document.querySelector(s)!);
      return {
        bodyRight: box('.article-body').right,
        bodyLeft: box('.article-body').left,
        paragraph: firstLine('.article-body p').right,
        credit: firstLine('.credit').right,
        dates: firstLine('.dates').right,
        h1: firstLine('h1').right,
        quoteBorder: [style('.article-body blockquote').borderRightWidth, style('.article-body blockquote').borderLeftWidth],
        listPadding: [style('.article-body ul').paddingRight, style('.article-body ul').paddingLeft],
        bullet: box('.article-body li').right,
        dateText: document.querySelector('.dates')!.textContent,
      };
    });
    // Text starts at the right edge of the column.
    for (const key of ['paragraph', 'credit', 'dates', 'h1'] as const) expect(Math.abs(layout[key] - layout.bodyRight), key).toBeLessThan(2);
    expect(layout.quoteBorder).toEqual(['3px', '0px']);
    expect(parseFloat(layout.listPadding[0]!)).toBeGreaterThan(0);
    expect(layout.listPadding[1]).toBe('0px');
    expect(layout.bullet).toBeLessThan(layout.bodyRight);
    expect(layout.dateText).toContain('نُشر في');
    expect(layout.dateText).toContain('12 يناير 2025');
    await page.close();
  });
  it('keeps left-to-right text in order on the Arabic article: the site name in the footer, the permalink, the citation, the printed addresses', async () => {
    for (const width of [375, 1280]) {
      const page = await open(ARABIC, { width });
      await page.locator('.cite summary').click();
      const found = await page.evaluate(() => {
        /** Whether each character of an element's text is drawn after the one before it, left to right and line by line. */
        const inOrder = (element: Element) => {
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const boxes: DOMRect[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (let i = 0; i < node.textContent!.length; i++) {
              if (!node.textContent![i]!.trim()) continue;
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = range.getBoundingClientRect();
              if (box.width > 0) boxes.push(box);
            }
          }
          return boxes.length > 1 && boxes.every((box, i) => i === 0 || box.top > boxes[i - 1]!.bottom - 2 || box.left >= boxes[i - 1]!.left);
        };
        const footerName = document.querySelector('.site-footer span[lang="en"]')!;
        const citeUrl = [...document.querySelectorAll('.cite span')].find((s) => s.textContent!.startsWith('http'))!;
        const dir = (s: string) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e).direction);
        return {
          footerName: [footerName.textContent, getComputedStyle(footerName).direction, inOrder(footerName)],
          permalink: [getComputedStyle(document.querySelector('.permalink')!).direction, inOrder(document.querySelector('.permalink')!)],
          cite: [citeUrl.textContent, getComputedStyle(citeUrl).direction, inOrder(citeUrl)],
          // The endnote's line is right to left (its marker at the right), its address a left-to-right isolate.
          endnotes: [...dir('.print-end li'), ...dir('.print-end li > span')],
          printedPermalink: dir('.print-qr p span'),
          englishInFooter: dir('.site-footer [lang="en"]'),
          page: getComputedStyle(document.body).direction,
        };
      });
      expect(found.page).toBe('rtl');
      expect(found.footerName, `${width}`).toEqual(['The Reader: News articles, plainly presented.', 'ltr', true]);
      expect(found.permalink, `${width}`).toEqual(['ltr', true]);
      expect(found.cite, `${width}`).toEqual(['http://localhost:4321/articles/arabic-rtl-fixture/', 'ltr', true]);
      expect(found.endnotes).toEqual(['rtl', 'ltr']);
      expect(found.printedPermalink).toEqual(['ltr']);
      // The site's name and tagline, and the titles of its pages (About, Corrections…).
      expect(found.englishInFooter).toEqual(['ltr', 'ltr']);
      await page.close();
    }
  });
});

describe('screenshots (look at them)', () => {
  for (const scheme of SCHEMES) {
    it.each([320, 768, 1280])(`saves the article, the Arabic article and the home page at %i px, ${scheme}`, async (width) => {
      const page = await open(ARTICLE, { scheme, width });
      await page.screenshot({ path: join(SCREENSHOTS, `reading-article-${width}-${scheme}.png`), fullPage: true });
      await page.goto(`${site.url}${ARABIC}`);
      await page.screenshot({ path: join(SCREENSHOTS, `reading-arabic-${width}-${scheme}.png`), fullPage: true });
      await page.goto(`${site.url}/`);
      await page.screenshot({ path: join(SCREENSHOTS, `reading-home-${width}-${scheme}.png`), fullPage: true });
      if (width === 320) {
        await page.getByText('Display', { exact: true }).click();
        await page.screenshot({ path: join(SCREENSHOTS, `reading-controls-${width}-${scheme}.png`) });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    });
  }
});

describe('screenshots of every page type at 375 and 1280 px (look at them)', () => {
  const SHOTS = { 'article-en': ARTICLE, 'article-ar': ARABIC, 'article-es': SPANISH, home: '/', 'search-results': SEARCH, '404': '/no-such-page/' };
  it.each([375, 1280])('saves them at %i px, with nothing wider than the window', async (width) => {
    for (const [name, path] of Object.entries(SHOTS)) {
      const page = await open(path, { width });
      await page.screenshot({ path: join(SCREENSHOTS, `page-${name}-${width}.png`), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(width);
      await page.close();
    }
  });
});

describe('text for screen readers only', () => {
  it('keeps the footnotes heading for screen readers but out of sight: a 1x1 px clipped box', async () => {
    const page = await open('/articles/print-fixture/');
    const heading = page.locator('.footnotes h2.sr-only');
    expect(await heading.textContent()).toBe('Footnotes');
    const box = await heading.boundingBox();
    expect(box && [Math.round(box.width), Math.round(box.height)]).toEqual([1, 1]);
    expect(await heading.evaluate((h) => [getComputedStyle(h).clipPath, getComputedStyle(h).overflow])).toEqual(['inset(50%)', 'hidden']);
    await page.close();
  });

  it('leaves the footnotes heading off paper', async () => {
    const page = await open('/articles/print-fixture/');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.footnotes h2.sr-only').boundingBox()).toBeNull();
    await page.close();
  });
});
