import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { markdownConfig } from '../../../src/markdown/processor';
import { cssString, runningHeaderCss, shortHeadline } from '../../../src/print/print';
import { qrPath } from '../../../src/print/qr';
import { endnoteUrl, isEndnoteLink } from '../../../src/markdown/link-endnotes';

// The very processor astro.config.mjs installs: its plugin list includes rehypeLinkEndnotes.
const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
const linksOf = async (markdown: string) =>
  ((await renderer.render(markdown)) as { metadata: { frontmatter: { links?: string[] } } }).metadata.frontmatter.links;

/** Replays path data made of M/m moves and h/v runs (strokes centred on the module line) into the grid it paints. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([Mmhv])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === 'M') [x, y] = [n, Number(b)];
    else if (cmd === 'm') [x, y] = [x + n, y + Number(b)];
    else if (cmd === 'h') {
      for (let i = 0; i < n; i++) grid[y - 0.5]![x + i] = true;
      x += n;
    } else {
      for (let i = 0; i < n; i++) grid[y + i]![x - 0.5] = true;
      y += n;
    }
  }
  return grid;
}

describe('qrPath', () => {
  const url = 'https://news.example/articles/iran-stands-alone-in-major-blow-iraqi-militias-refuse-to-continue-aiding-iran/';
  // Permalinks of other lengths, so that both directions of runs are met (the last one's rows make the shorter path).
  const urls = [url, ...['a', 'tunis-port-strike', 'محلي', `${'ab-cd-'.repeat(13)}13`].map((slug) => `http://localhost:4321/articles/${slug}/`)];

  it.each(urls)('paints exactly the modules of the QR code of %s, nothing more', (text) => {
    const { size, d } = qrPath(text);
    const { data } = encode(text, { ecc: 'L', border: 0, maskPattern: 0 });
    expect(size).toBe(data.length);
    expect(paint(d, size)).toEqual(data);
  });

  it('is one compact path: only moves and runs of one direction, no per-module rectangles', () => {
    const directions = new Set<string>();
    for (const text of urls) {
      const { d } = qrPath(text);
      expect(d).toMatch(/^M\d*\.?\d+ \d*\.?\d+[hv]7/); // the finder pattern's first edge: seven modules
      expect(d).toMatch(/^[Mm][\d .-]+(?:[hv][\d.]+m?[\d .-]*)+$/);
      expect(/h/.test(d) && /v/.test(d)).toBe(false);
      directions.add(d.includes('h') ? 'h' : 'v');
      expect(d.length).toBeLessThan(3000);
    }
    // Both directions are used: each code gets whichever is shorter.
    expect([...directions].sort()).toEqual(['h', 'v']);
  });
});

describe('cssString', () => {
  it.each([
    ['plain text', 'Iran Stands Alone', '"Iran Stands Alone"'],
    ['double quotes', 'He said "no"', '"He said \\"no\\""'],
    ['a backslash', 'a\\b', '"a\\\\b"'],
    ['newlines and tabs', 'a\nb\r\tc', '"a\\a b\\d \\9 c"'],
    ['a closing style tag', '</style><script>alert(1)</script>', '"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "'],
    ['a NUL character', 'a\0b', '"a\\fffd b"'],
    ['single quotes and non-Latin text', "It's ایران", `"It's ایران"`],
  ])('escapes %s', (_name, input, expected) => {
    expect(cssString(input)).toBe(expected);
  });

  it('never lets a value close the string, the rule or the style element', () => {
    const hostile = '"}\\"; } body { display: none } </style><img src=x onerror=alert(1)>\n<!--';
    const out = cssString(hostile).slice(1, -1);
    expect(out).not.toMatch(/[<>\n\r]/);
    expect(out.replace(/\\./g, '')).not.toContain('"');
  });
});

describe('shortHeadline and runningHeaderCss', () => {
  it('keeps a short headline and cuts a long one at a word boundary', () => {
    expect(shortHeadline('Short  headline\n here')).toBe('Short headline here');
    expect(shortHeadline('Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran')).toBe(
      'Iran Stands Alone In Major Blow: Iraqi Militias Refuse To…',
    );
  });

  it('puts site name and escaped headline into the top margin boxes', () => {
    expect(runningHeaderCss('The Reader', 'A "quoted" </style> title')).toBe(
      '@media print{@page{@top-left{content:"The Reader"}@top-right{content:"A \\"quoted\\" \\3c /style\\3e  title"}}}',
    );
  });
});

describe('link endnotes', () => {
  it('records body links in document order, skipping in-page links (footnote references and back-references)', async () => {
    const markdown = 'See [a](https://a.example/) and a note.[^1]\n\n- [x](/articles/x/)\n\n<a>no href</a> <https://a.example/> '
      + '[evil](javascript:alert(1))\n\n[^1]: The note, with [b](https://b.example/p?q=1).';
    expect(await linksOf(markdown)).toEqual(['https://a.example/', '/articles/x/', 'https://a.example/', 'https://b.example/p?q=1']);
  });

  it('records an empty list for a body without links', async () => {
    expect(await linksOf('No links here.')).toEqual([]);
  });

  it('agrees with the print CSS selector a[href]:not([href^="#"])', () => {
    expect([isEndnoteLink('https://x.example/'), isEndnoteLink('mailto:a@b.example'), isEndnoteLink('#fn-1'), isEndnoteLink(undefined)])
      .toEqual([true, true, false, false]);
  });

  it('prints relative links in full', () => {
    expect(endnoteUrl('/articles/x/', 'https://news.example/articles/y/')).toBe('https://news.example/articles/x/');
    expect(endnoteUrl('https://a.example/b?c=1', 'https://news.example/')).toBe('https://a.example/b?c=1');
  });
});
