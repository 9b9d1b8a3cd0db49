import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { BinaryBitmap, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { pageWithoutScript, siteInChromium } from '../helpers/browser';
import { ROOT, SEED_SLUG, TEST_OUTPUT } from '../helpers/paths';
import { cssString, shortHeadline } from '../../src/print/print';
import { ageNotice } from '../../src/format/age';
import { storyLabelsFor } from '../../src/format/story-labels';
import { SITE } from '../../src/site';

// Print the article to PDF in real Chromium, then read the paper back with poppler (pdftotext, pdftoppm, pdfinfo).
const site = siteInChromium();
let context: BrowserContext;
const out = join(TEST_OUTPUT, 'print');
const seedLines = (await readFile(join(ROOT, 'tests/fixtures/seed-article.txt'), 'utf8')).split('\n').filter(Boolean);
const seedParagraphs = seedLines.slice(0, -1);
const HEADLINE = 'Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran';

/** Page sizes in PDF points, and the top and bottom @page margins of print.css (20 mm) in points. */
const SIZES = { A4: { w: 595.28, h: 841.89 }, Letter: { w: 612, h: 792 } } as const;
const TOP = 56;
const BOTTOM = 56;

/** Left and right @page margins of print.css (22 mm) in points. */
const SIDE = 62.4;

/** Every word of the content area printed outside the left and right page margins, as "page: word". */
function outsideMargins(printed: Printed, { w, h }: { w: number; h: number }): string[] {
  const words = poppler('pdftotext', ['-bbox', printed.file, '-']);
  const found: string[] = [];
  let page = 0;
  for (const line of words.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</.exec(line);
    if (!m || Number(m[2]) < TOP || Number(m[2]) > h - BOTTOM) continue;
    // 2 pt of slack for glyph side bearings; a clipped or overflowing line runs to the paper's edge.
    if (Number(m[1]) < SIDE - 2 || Number(m[3]) > w - SIDE + 2) found.push(`${page}: ${m[4]}`);
  }
  return found;
}

/** A word pdftotext found on a page, with its box in points from the page's top left corner. */
interface PrintedWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
}

/** Every word on page `page` of a PDF, with its box (pdftotext -bbox). */
function printedWords(file: string, page: number): PrintedWord[] {
  const words = poppler('pdftotext', ['-bbox', '-f', `${page}`, '-l', `${page}`, file, '-']);
  return [...words.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</g)].map((m) => ({
    text: m[4]!.replace(/&amp;/g, '&'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

/** Collapses whitespace. */
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Drops whitespace and hyphens: pdftotext joins a word broken at a line-end hyphen and drops the hyphen. */
const squash = (text: string) => text.replace(/[\s-]+/g, '');
const poppler = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 1 << 26 });

interface Printed {
  file: string;
  pages: number;
  /** Per page: the text inside the page margins (the content area). */
  body: string[];
  /** Per page: the text in the top and bottom margins (running header, page numbers). */
  top: string[];
  bottom: string[];
}

async function print(
  path: string, name: string, format: keyof typeof SIZES, colorScheme: 'light' | 'dark' = 'light', prepare?: (page: Page) => Promise<void>,
): Promise<Printed> {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme });
  await page.goto(`${site.url}${path}`);
  await prepare?.(page);
  // page.pdf() fires beforeprint, as Print and Ctrl+P do: that is what fills in "Printed on".
  const file = join(out, `${name}.pdf`);
  await page.pdf({ path: file, format });
  await page.close();
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))![1]);
  const { w, h } = SIZES[format];
  const crop = (p: number, y: number, height: number) =>
    poppler('pdftotext', ['-enc', 'UTF-8', '-r', '72', '-f', `${p}`, '-l', `${p}`, '-x', '0', '-y', `${y}`, '-W', `${Math.ceil(w)}`, '-H', `${Math.round(height)}`, file, '-']);
  const numbers = Array.from({ length: pages }, (_, i) => i + 1);
  // Page 1 as PNG, for a person to look at.
  poppler('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(out, `${name}-page1`)]);
  return {
    file,
    pages,
    body: numbers.map((p) => crop(p, TOP, h - TOP - BOTTOM)),
    top: numbers.map((p) => norm(crop(p, 0, TOP))),
    bottom: numbers.map((p) => norm(crop(p, Math.round(h - BOTTOM), BOTTOM))),
  };
}

/** Renders one PDF page (or a box of it, in points) to raw pixels: PGM when gray, else PPM. */
function raster(file: string, page: number, dpi: number, gray = false, box?: { x: number; y: number; w: number; h: number }) {
  const px = (pt: number) => `${Math.round((pt * dpi) / 72)}`;
  const crop = box ? ['-x', px(box.x), '-y', px(box.y), '-W', px(box.w), '-H', px(box.h)] : [];
  const data = execFileSync('pdftoppm', [...(gray ? ['-gray'] : []), '-r', `${dpi}`, '-f', `${page}`, '-l', `${page}`, ...crop, file], { maxBuffer: 1 << 28 });
  const header = /^P([56])\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString('latin1', 0, 40))!;
  return { width: Number(header[2]), height: Number(header[3]), pixels: data.subarray(header[0].length) };
}

beforeAll(async () => {
  context = site.context;
  await mkdir(out, { recursive: true });
});

const seedPath = `/articles/${SEED_SLUG}/`;

describe.each(['A4', 'Letter'] as const)('the seed article printed on %s', async (format) => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print(seedPath, `seed-${format.toLowerCase()}`, format);
  });

  it('has every sentence of the seed, in order, and nothing of the credit line as body text', () => {
    const body = squash(printed.body.join(' '));
    let from = 0;
    for (const paragraph of seedParagraphs) {
      for (const sentence of paragraph.match(/[^.!?]+[.!?]+[”"]?/g)!) {
        const at = body.indexOf(squash(sentence), from);
        expect(at, `missing or out of order: ${sentence}`).toBeGreaterThanOrEqual(from);
        from = at + squash(sentence).length;
      }
    }
    expect(body).not.toContain(squash(seedLines.at(-1)!));
  });

  it('has the headline, credit, date, source line, permalink and the date of printing', () => {
    const body = norm(printed.body.join(' '));
    expect(body).toContain(HEADLINE);
    expect(body).toContain('YWN (Yeshiva World News) · Israel Desk · Jerusalem');
    expect(body).toContain('Published 16 December 2024');
    expect(body).toContain('Originally published by YWN (Yeshiva World News): read the original on theyeshivaworld.com');
    expect(squash(body)).toContain(squash('(https://theyeshivaworld.com/news/israel-news/2341769/iran-stands-alone-in-major-blow-iraqi-militias-refuse-to-continue-aiding-iran.html)'));
    // The permalink is the canonical URL of the build (SITE_URL, default http://localhost:4321), not the test server's.
    expect(squash(body)).toContain(squash(`Read online: http://localhost:4321${seedPath}`));
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(new Date());
    expect(body).toContain(`Printed on ${today}`);
  });

  it('has no navigation, site footer or control labels', () => {
    const body = norm(printed.body.join(' '));
    for (const label of ['Skip to content', 'The Reader', 'All articles', 'News articles, plainly presented', 'Print', 'Share', 'Theme', 'Text size', 'Copy link']) {
      expect(body).not.toMatch(new RegExp(`\\b${label}\\b`));
    }
  });

  it('prints every word inside the page margins', () => {
    expect(outsideMargins(printed, SIZES[format])).toEqual([]);
  });

  it('fits on at most 2 pages, numbered "N/M" (no word: the same in every language), with the running header in the top margin', () => {
    if (format === 'A4') expect(printed.pages).toBeLessThanOrEqual(2);
    printed.bottom.forEach((text, i) => expect(text).toBe(`${i + 1}/${printed.pages}`));
    // Page 1 has the headline in full below; later pages carry it, shortened, in the running header.
    printed.top.forEach((text, i) => expect(text).toBe(i === 0 ? 'The Reader' : 'The Reader Iran Stands Alone In Major Blow: Iraqi Militias Refuse To…'));
    expect(printed.pages).toBeGreaterThan(1);
  });

  it('prints a QR code that scans to the permalink', () => {
    // The QR code (25 mm) sits 1rem left of "Read online:", top-aligned with it: scan that box of the last page
    // at 100 dpi, about what a phone camera sees (zxing-js is, oddly, less reliable on much sharper renderings).
    const words = poppler('pdftotext', ['-bbox', '-f', `${printed.pages}`, '-l', `${printed.pages}`, printed.file, '-']);
    const read = /<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>Read<\/word>\s*<word[^>]*>online:<\/word>/.exec(words)!;
    expect(read).not.toBeNull();
    const [x, y] = [Number(read[1]), Number(read[2])];
    const { width, height, pixels } = raster(printed.file, printed.pages, 100, true, { x: x - 89, y: y - 8, w: 83, h: 83 });
    const source = new RGBLuminanceSource(new Uint8ClampedArray(pixels), width, height);
    const result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
    expect(result.getText()).toBe(`http://localhost:4321${seedPath}`);
  });
});

describe('printing in the dark theme', () => {
  it('prints the same black-on-white page as the light theme', async () => {
    const light = await print(seedPath, 'seed-a4-light-check', 'A4', 'light');
    // Dark as the reader's system asks for it, and as the theme switch sets it (html[data-theme="dark"]).
    const dark = await print(seedPath, 'seed-a4-dark', 'A4', 'dark', async (page) => {
      await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    });
    expect(norm(dark.body.join(' '))).toBe(norm(light.body.join(' ')));
    const l = raster(light.file, 1, 40);
    const d = raster(dark.file, 1, 40);
    expect(d.pixels.equals(l.pixels)).toBe(true);
    // Black text, white paper, nothing in colour.
    let darkest = 255;
    let coloured = 0;
    let light255 = 0;
    for (let i = 0; i < d.pixels.length; i += 3) {
      const [r, g, b] = [d.pixels[i]!, d.pixels[i + 1]!, d.pixels[i + 2]!];
      darkest = Math.min(darkest, r, g, b);
      if (Math.max(r, g, b) - Math.min(r, g, b) > 16) coloured++;
      if (r > 250 && g > 250 && b > 250) light255++;
    }
    expect(darkest).toBeLessThan(40);
    expect(coloured).toBe(0);
    expect(light255 / (d.pixels.length / 3)).toBeGreaterThan(0.8);
  });
});

describe('a long article on paper (tests/fixtures/articles/print-fixture.md)', async () => {
  const title = 'Print fixture: "quotes", a \\ backslash and </style> in a headline';
  let printed: Printed;
  beforeAll(async () => {
    printed = await print('/articles/print-fixture/', 'fixture-long-a4', 'A4');
  });

  it('runs over several pages, with the escaped headline in the running header from page 2', () => {
    expect(printed.pages).toBeGreaterThanOrEqual(3);
    expect(printed.top[0]).toBe('The Reader');
    for (const top of printed.top.slice(1)) expect(top).toBe(`The Reader ${shortHeadline(title)}`);
    expect(norm(printed.body[0]!)).toContain(title);
  });

  it('says on paper, above the headline, that the article is old (published 2024-01-10)', () => {
    const notice = ageNotice(storyLabelsFor('en').labels.olderThan, 'en', new Date('2024-01-10T00:00:00Z'), new Date(), SITE.ageNoticeDays);
    expect(notice).toMatch(/^This article is more than \d+ years? old$/);
    const first = norm(printed.body[0]!);
    expect(first).toContain(notice);
    expect(first.indexOf(notice!)).toBeLessThan(first.indexOf(title));
  });

  it('cuts nothing off: a wide table, a long code line and the last sentence are printed inside the margins', () => {
    const body = squash(printed.body.join(' '));
    for (const text of ['RIGHTMOST-CELL-TEXT', 'LONGLINE-END', `${'w'.repeat(130)}`, 'FINAL-SENTENCE-OF-THE-BODY.']) expect(body).toContain(squash(text));
    expect(outsideMargins(printed, SIZES.A4)).toEqual([]);
  });

  it('keeps every heading with the text after it, and the quotation on one page', () => {
    for (const heading of ['Where the money goes', 'What happens next', 'A heading placed to fall near a page end', 'The last word']) {
      const page = printed.body.map(norm).find((text) => text.includes(heading));
      expect(page, heading).toBeDefined();
      const after = page!.slice(page!.indexOf(heading) + heading.length);
      expect(after.length, `"${heading}" ends its page`).toBeGreaterThan(40);
    }
    const filler = 'The council met again on Tuesday and the debate ran late into the evening, with members returning to the same questions about cost, timing and who would carry the risk if the plan failed.';
    const quote = squash(`A long quotation that must not be split across pages where that can be avoided. ${filler} ${filler} ${filler}`);
    expect(printed.body.filter((text) => squash(text).includes(quote))).toHaveLength(1);
  });

  it('numbers links [1] and footnotes 1 differently, and lists the links in full, relative ones resolved', () => {
    const body = norm(printed.body.join(' '));
    expect(body).toContain('the budget[1] and an earlier story[2].');
    // The footnote reference keeps its plain number, with no brackets.
    expect(body).toContain('links and a footnote.1 ');
    expect(body).not.toMatch(/footnote\.\[/);
    expect(squash(body)).toContain(squash([
      'Links',
      '[1] https://budget.example/2025/plan?year=2025&page=3',
      '[2] http://localhost:4321/articles/second-article-fixture/',
      '[3] mailto:desk@news.example',
      '[4] https://notes.example/source',
      'Read online:',
    ].join(' ')));
  });
});

/**
 * Pushes `selector` down until it starts `above` px before the end of page 1 (A4, 20/22 mm margins: 627 × 971 CSS px
 * of content), by a spacer at the top of the body, so a test can see what the page break does with it.
 */
const pushToPageEnd = (selector: string, above: number) => async (page: Page) => {
  await page.setViewportSize({ width: 627, height: 971 });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(([sel, gap]) => {
    const target = document.querySelector(sel as string)!;
    const spacer = document.createElement('div');
    document.querySelector('.article-body')!.prepend(spacer);
    const top = target.getBoundingClientRect().top + window.scrollY;
    spacer.style.height = `${971 - (gap as number) - top}px`;
  }, [selector, above]);
  await page.emulateMedia({ media: null });
};

describe('page breaks, forced onto the worst spot', () => {
  it('moves a heading that would end page 1 to the next page, with its paragraph', async () => {
    const printed = await print('/articles/print-fixture/', 'fixture-heading-break', 'A4', 'light', pushToPageEnd('.article-body h2', 30));
    expect(norm(printed.body[0]!)).not.toContain('Where the money goes');
    expect(norm(printed.body[1]!)).toMatch(/^Where the money goes The council met/);
  });

  it('does not split a quotation that would straddle the page break', async () => {
    const printed = await print('/articles/print-fixture/', 'fixture-quote-break', 'A4', 'light', pushToPageEnd('.article-body blockquote', 100));
    const quote = squash('A long quotation that must not be split across pages where that can be avoided.');
    const page = printed.body.findIndex((text) => squash(text).includes(quote));
    expect(page).toBe(1);
    expect(squash(printed.body[1]!)).toContain(squash('who would carry the risk if the plan failed. The council met again'));
  });

  it('leaves at least 2 lines of a paragraph at the foot and head of a page', async () => {
    // The first paragraph after the heading, pushed so that only 1 line would fit at the foot of page 1.
    const printed = await print('/articles/print-fixture/', 'fixture-orphan-break', 'A4', 'light', pushToPageEnd('.article-body h2 + p', 22));
    const foot = printed.body[0]!.trim().split('\n').at(-1)!;
    expect(foot).not.toMatch(/^The council met again on Tuesday/);
  });
});

describe('links and the print button', () => {
  it('numbers the body links and lists their URLs as endnotes', async () => {
    const printed = await print('/articles/second-article-fixture/', 'fixture-links-a4', 'A4');
    const body = norm(printed.body.join(' '));
    expect(body).toContain('with a link[1] and');
    expect(body).toMatch(/Links \[1\] ?https:\/\/example\.org\//);
  });

  it('shows a Print button only with script, and it calls window.print()', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}${seedPath}`);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed++; };
    });
    // On screen: the button, and none of the paper-only parts (endnotes, permalink, QR code, "Printed on").
    expect(await page.locator('.print-end').isVisible()).toBe(false);
    expect(await page.locator('#printed-on').textContent()).toBe('');
    const button = page.getByRole('button', { name: 'Print' });
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.close();
    const noScript = await pageWithoutScript(context);
    await noScript.goto(`${site.url}${seedPath}`);
    expect(await noScript.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await noScript.close();
  });
});

describe('the printed end in the article\'s language', () => {
  it.each([
    ['/articles/spanish-fixture/', 'es', 'Leer en línea:', 'Impreso el '],
    ['/articles/arabic-rtl-fixture/', 'ar', 'اقرأ على الإنترنت:', 'طُبع في '],
    ['/articles/swahili-fixture/', 'en-GB', 'Read online:', 'Printed on '],
  ])('%s: its words, and the date of printing written as the page writes dates', async (path, locale, readOnline, printedOn) => {
    const page = await context.newPage();
    await page.goto(`${site.url}${path}`);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const today = new Intl.DateTimeFormat(locale, { dateStyle: 'long', numberingSystem: 'latn', calendar: 'gregory' }).format(new Date());
    expect(await page.locator('#printed-on').textContent()).toBe(`${printedOn}${today}`);
    expect(await page.locator('.print-qr p').first().innerText()).toMatch(new RegExp(`^${readOnline}\\s+http`));
    await page.close();
  });

  it('dates the printing in the Gregorian calendar, as the page dates the article, where Intl would not (Persian)', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/articles/arabic-rtl-fixture/`);
    // A Persian page's printed end: Intl's Persian long date is in the Solar Hijri calendar (a year such as 1405).
    await page.evaluate(() => document.querySelector('.print-end')!.setAttribute('lang', 'fa'));
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const today = new Intl.DateTimeFormat('fa', { dateStyle: 'long', numberingSystem: 'latn', calendar: 'gregory' }).format(new Date());
    expect(await page.locator('#printed-on').textContent()).toBe(`طُبع في ${today}`);
    expect(await page.locator('#printed-on').textContent()).toContain(String(new Date().getFullYear()));
    await page.close();
  });
});

describe('addresses on a right-to-left page\'s paper', () => {
  let printed: Printed;
  beforeAll(async () => {
    printed = await print('/articles/arabic-rtl-fixture/', 'arabic-a4', 'A4');
  });

  it('prints the Arabic article\'s permalink and link endnote in order, left to right', () => {
    const body = squash(printed.body.join(' '));
    // squash drops the hyphens pdftotext may take for line-end ones; the characters are still in order.
    expect(body).toContain(squash('http://localhost:4321/articles/arabic-rtl-fixture/'));
    // The endnote's marker [1] is set right to left, at the right of its address: pdftotext reads its mirrored brackets
    // after the address, as "]1[".
    expect(body).toContain('https://example.org/library]1[');
  });

  it('sets each address inside its right-to-left line: the endnote after its marker at the right edge, the permalink under "Read online"', () => {
    const words = printedWords(printed.file, printed.pages);
    const onLineOf = (word: PrintedWord) => words.filter((other) => Math.abs(other.yMin - word.yMin) < 2);
    // Where the lines of the content area end on the right, as the Arabic heading "Links" above the endnotes does.
    const rightEdge = Math.max(...words.filter((word) => word.yMin > TOP && word.yMin < SIZES.A4.h - BOTTOM).map((word) => word.xMax));
    // The endnote: one word, left to right, with its marker [1] just to its right, the pair against the right edge
    // like the Arabic text above it (not a left-to-right line with its marker at the left).
    const url = words.find((word) => word.text === 'https://example.org/library')!;
    expect(url, 'the endnote address as one word').toBeDefined();
    const marker = onLineOf(url).find((word) => /^[[\]]1[[\]]$/.test(word.text))!;
    expect(marker, 'the endnote marker on the address line').toBeDefined();
    expect(marker.xMin).toBeGreaterThan(url.xMax);
    expect(marker.xMin - url.xMax).toBeLessThan(6);
    expect(rightEdge - marker.xMax).toBeLessThan(1.5);
    // The permalink: one word under "اقرأ على الإنترنت:", both ending at the right edge of the text beside the QR code.
    const permalink = words.find((word) => word.text === 'http://localhost:4321/articles/arabic-rtl-fixture/')!;
    expect(permalink, 'the permalink as one word').toBeDefined();
    const label = onLineOf(words.find((word) => word.text === 'اقرأ' || word.text === 'أرقا')!);
    expect(label.length).toBeGreaterThan(0);
    expect(permalink.yMin).toBeGreaterThan(label[0]!.yMin);
    expect(Math.abs(permalink.xMax - Math.max(...label.map((word) => word.xMax)))).toBeLessThan(3);
  });
});

describe('the running header escape, in a real style element', () => {
  it.each([
    ['quotes and backslashes', 'He said "no" \\ then \'yes\''],
    ['newlines and tabs', 'line one\nline two\r\tend'],
    ['markup that tries to close the style element', '</style><script>window.hacked=1</script><style>'],
    ['a NUL character', 'a\0b'],
  ])('keeps %s inside the CSS string', async (_name, value) => {
    const page = await context.newPage();
    await page.setContent(`<!doctype html><style>p::before{content:${cssString(value)}}</style><p></p>`);
    const result = await page.evaluate(() => ({
      elements: [...document.querySelectorAll('*')].map((e) => e.tagName).join(','),
      content: getComputedStyle(document.querySelector('p')!, '::before').content,
      hacked: 'hacked' in window,
    }));
    await page.close();
    expect(result.elements).toBe('HTML,HEAD,STYLE,BODY,P');
    expect(result.hacked).toBe(false);
    // CSSOM serializes a string: \ and " escaped, control characters as hex escapes, NUL as U+FFFD.
    const serialized = value.replace(/\0/g, '\uFFFD').replace(/[\\"]/g, '\\$&').replace(/[\x01-\x1f\x7f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
    expect(result.content).toBe(`"${serialized}"`);
  });
});
