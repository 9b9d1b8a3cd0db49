import { describe, expect, it, vi } from 'vitest';
import Tinypool from 'tinypool';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { markdownConfig, markdownOptions } from '../../../src/markdown/processor';
import rehypeRaw from 'rehype-raw';
import { rehypeSanitizeReported } from '../../../src/security/sanitize-report';
import { IN_THREAD_FIRST, parallelUnified } from '../../../src/markdown/pool';
import { bodyFacts } from '../../../src/content/articles';

// The very processor astro.config.mjs installs, run through Astro's own renderer.
const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
const render = async (markdown: string) => (await renderer.render(markdown)).code;
/** The HTML without the paragraph ids and links (tested in paragraph-ids.test.ts). */
const withoutParagraphLinks = (html: string) => html.replace(/ id="p-[0-9a-f]{6}(?:-\d+)?"|<a href="#p-[^"]+" class="pl"[^>]*><\/a>/g, '');

describe('plugin order', () => {
  it('parses raw HTML before sanitizing it, and sanitizes before anything reads the tree', () => {
    const plugins = markdownOptions.rehypePlugins.map((p) => (Array.isArray(p) ? p[0] : p));
    expect(plugins.indexOf(rehypeRaw)).toBe(0);
    expect(plugins.indexOf(rehypeSanitizeReported)).toBe(1);
  });
});

describe('dangerous markup is removed', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>', /<script|alert/],
    ['an event handler', '<img src="x.png" onerror="alert(1)" alt="x">', /onerror|alert/],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">x</a>', /javascript:/i],
    ['a javascript: link in Markdown', '[x](javascript:alert(1))', /javascript:/i],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>', /iframe/],
    ['a style element', '<style>body{display:none}</style>', /<style|display/],
    ['an inline style', '<p style="position:fixed">x</p>', /style=|fixed/],
    ['a form', '<form action="https://evil.example/"><input name="q"></form>', /<form|action=/],
    ['a data: URL link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|<script/],
    ['an svg with onload', '<svg onload="alert(1)"><circle r="1"/></svg>', /onload|<svg/],
    ['an object', '<object data="x.swf"></object>', /<object/],
    ['a javascript: URL in a stray action attribute', '<p action="javascript:alert(1)">x</p>', /action=|javascript:/i],
    ['a javascript: URL in a srcset', '<picture><source srcset="javascript:alert(1)"><img src="a.png" alt="a"></picture>', /javascript:/i],
    ['a meta refresh and a base', '<meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">', /<meta|<base|evil/],
    ["an iframe's raw-text fallback", '<iframe><img src=x onerror=alert(1)></iframe>', /iframe|onerror|&#x3C;img/],
  ])('%s', async (_name, input, forbidden) => {
    expect(await render(`Before.\n\n${input}\n\nAfter.`)).not.toMatch(forbidden);
  });

  it('prefixes ids and names so the body cannot clobber the page', async () => {
    const html = await render('<p id="main">x</p>\n\n<img name="getElementById" src="/favicon.svg" alt="a">');
    expect(html).toContain('id="user-content-main"');
    expect(html).toContain('name="user-content-getElementById"');
  });
});

describe('ordinary Markdown and safe HTML survive', () => {
  it('keeps paragraphs, emphasis, links and smart punctuation', async () => {
    const html = await render('"Quoted," she said -- it\'s *fine*. See [the report](https://example.org/).');
    expect(withoutParagraphLinks(html)).toBe('<p>“Quoted,” she said — it’s <em>fine</em>. See <a href="https://example.org/">the report</a>.</p>');
  });
  it('keeps curly quotes already in the text untouched', async () => {
    expect(withoutParagraphLinks(await render('“Iran’s concern,” he said.'))).toBe('<p>“Iran’s concern,” he said.</p>');
  });
  it('keeps GFM tables, strikethrough, task lists and autolinks', async () => {
    const html = await render('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n\nhttps://example.org');
    expect(html).toMatch(/<table>[\s\S]*<td>1<\/td>/);
    expect(html).toContain('<del>gone</del>');
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*disabled/);
    expect(html).toContain('<a href="https://example.org">https://example.org</a>');
  });
  it('keeps safe inline HTML: sup, abbr, kbd, figure', async () => {
    const html = await render('E = mc<sup>2</sup>, <abbr title="Islamic Revolutionary Guard Corps">IRGC</abbr>, <kbd>Ctrl</kbd>\n\n<figure><img src="a.png" alt="A map"><figcaption>The border</figcaption></figure>');
    expect(html).toContain('<sup>2</sup>');
    expect(html).toContain('<abbr title="Islamic Revolutionary Guard Corps">IRGC</abbr>');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    // The figure's photograph becomes a numbered slot for the page's optimized picture (src/markdown/figures.ts).
    expect(html).toMatch(/<figure class="photo"><img data-photo="0" alt="A map"><figcaption>The border<\/figcaption><\/figure>/);
  });
  it('gives headings ids', async () => {
    expect(await render('## The border')).toMatch(/<h2 id="[^"]*the-border">The border<\/h2>/);
  });
  it('gives section headings stable ids of their own text, prefixed so they cannot take the page\'s ids, and records the h2s for the contents', async () => {
    const body = '## The border\n\nText.\n\n### Detail\n\n## Who pays?\n\n## The border\n\n<h2>Raw &amp; HTML</h2>';
    const result = await renderer.render(body);
    expect(result.code).toMatch(/<h2 id="user-content-the-border">The border<\/h2>[\s\S]*<h3 id="user-content-detail">[\s\S]*<h2 id="user-content-who-pays">[\s\S]*<h2 id="user-content-the-border-1">/);
    expect(bodyFacts(result.metadata.frontmatter).headings).toEqual([
      { id: 'user-content-the-border', text: 'The border' }, { id: 'user-content-who-pays', text: 'Who pays?' },
      { id: 'user-content-the-border-1', text: 'The border' }, { id: 'user-content-raw--html', text: 'Raw & HTML' },
    ]);
    // Editing another section leaves an id alone: it comes from the heading's own text.
    expect((await renderer.render('Intro added.\n\n## Who pays?')).code).toContain('<h2 id="user-content-who-pays">');
  });
  it('records word count and first paragraph for the page', async () => {
    const result = await renderer.render('# Head\n\nFirst *para*.\n\nSecond one here.');
    expect(result.metadata.frontmatter).toMatchObject({ wordCount: 6, firstParagraph: 'First para.' });
  });
});

describe('a body as the build renders it (worker threads)', () => {
  // A fenced code block too: the workers must get the site's settings (no syntax highlighter), not Astro's defaults.
  const body = 'He said "no" today.\n\nSee [the report](https://example.org/r) and <abbr title="x">X</abbr>.\n\n<script>alert(1)</script>\n\n```\ncode()\n```';
  const fileURL = new URL('file:///site/content/articles/x.md');

  it('gives exactly what the in-thread renderer gives: HTML and the facts the pages use', async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const run = vi.spyOn(Tinypool.prototype, 'run');
    try {
      // A build's first bodies (IN_THREAD_FIRST) render in this thread, without starting the workers: one edited
      // article's build would wait about a second for them.
      const first = await parallelUnified(markdownOptions, new URL('../../../src/markdown/worker.ts', import.meta.url), 2).createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
      expect(IN_THREAD_FIRST).toBeGreaterThan(1);
      expect((await first.render(body, { frontmatter: {}, fileURL })).code).toBe((await renderer.render(body, { frontmatter: {}, fileURL })).code);
      expect(run).not.toHaveBeenCalled();
      // With one body in this thread first, the second goes to a worker.
      const pooled = await parallelUnified(markdownOptions, new URL('../../../src/markdown/worker.ts', import.meta.url), 2, 1).createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
      const [, onWorker] = await Promise.all([pooled.render('First.', { frontmatter: {}, fileURL }), pooled.render(body, { frontmatter: {}, fileURL })]);
      expect(run).toHaveBeenCalledTimes(1);
      const inThread = await renderer.render(body, { frontmatter: {}, fileURL });
      expect(onWorker.code).toBe(inThread.code);
      expect(onWorker.metadata.frontmatter).toEqual(inThread.metadata.frontmatter);
      expect(onWorker.code).toContain('“no”');
      expect(onWorker.code).not.toContain('<script');
      expect(onWorker.code).toContain('<pre><code>code()\n</code></pre>');
      expect(bodyFacts(onWorker.metadata.frontmatter)).toEqual({ wordCount: 10, firstParagraph: 'He said “no” today.', links: ['https://example.org/r'], headings: [] });
    } finally {
      run.mockRestore();
      process.env.NODE_ENV = previous;
    }
  });
});
