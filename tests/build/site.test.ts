import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { SCHEDULED_MARK, SCHEDULED_SLUG, SEED_SLUG, ROOT } from '../helpers/paths';
import { glob } from 'tinyglobby';

const dist = inject('distDir');
const page = async (path: string): Promise<CheerioAPI> => load(await readFile(join(dist, path), 'utf8'));
const seedLines = (await readFile(join(ROOT, 'tests/fixtures/seed-article.txt'), 'utf8')).split('\n').filter(Boolean);
const seedParagraphs = seedLines.slice(0, -1);
const creditLine = seedLines.at(-1)!;

describe('the seed article page', async () => {
  const $ = await page(`articles/${SEED_SLUG}/index.html`);
  const body = $('article .article-body');

  it('has every paragraph of the seed verbatim and in order, and nothing else in the body', () => {
    expect(seedParagraphs).toHaveLength(10);
    expect(body.children('p').map((_, p) => $(p).text()).get()).toEqual(seedParagraphs);
  });

  it('shows the credit line once, as structured metadata, not as a paragraph', () => {
    expect(creditLine).toBe('(YWN Israel Desk – Jerusalem)');
    expect($('.credit').text()).toBe('YWN (Yeshiva World News) · Israel Desk · Jerusalem');
    expect($('main').text()).not.toContain(creditLine);
    expect($('.credit')).toHaveLength(1);
  });

  it('has the headline as the only h1 and in the title', () => {
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe('Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran');
    expect($('title').text()).toBe('Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran | The Reader');
  });

  it('shows the published date in a <time datetime> and the reading time', () => {
    expect($('.dates time').attr('datetime')).toBe('2024-12-16');
    expect($('.dates time').text()).toBe('16 December 2024');
    expect($('.dates').text().replace(/\s+/g, ' ').trim()).toBe('Published 16 December 2024 · 2 min read');
  });

  it('links to the original publication', () => {
    const link = $('.source-link a');
    expect(link.attr('href')).toBe('https://theyeshivaworld.com/news/israel-news/2341769/iran-stands-alone-in-major-blow-iraqi-militias-refuse-to-continue-aiding-iran.html');
    expect(link.text()).toBe('read the original on theyeshivaworld.com');
  });

  it('declares its language and direction, with semantic landmarks', () => {
    expect($('html').attr('lang')).toBe('en');
    expect($('html').attr('dir')).toBe('ltr');
    expect($('main article header h1')).toHaveLength(1);
    expect($('a.skip-link').attr('href')).toBe('#main');
  });

  it('falls back to the first paragraph, trimmed, for the meta description', () => {
    const description = $('meta[name="description"]').attr('content')!;
    expect(description.length).toBeLessThanOrEqual(160);
    expect(seedParagraphs[0]!.startsWith(description.replace(/…$/, ''))).toBe(true);
  });

  it('has an absolute canonical URL with the trailing slash', () => {
    expect($('link[rel="canonical"]').attr('href')).toBe(`http://localhost:4321/articles/${SEED_SLUG}/`);
  });

  it('runs no script from the content', () => {
    expect(body.find('script, iframe, object, embed, style')).toHaveLength(0);
    expect(body.html()).not.toMatch(/\son\w+=/i);
  });
});

describe('the home page', async () => {
  const $ = await page('index.html');

  it('lists every published article, newest first, with headline link, dek, credit and date', () => {
    const cards = $('.article-list .card');
    expect(cards.map((_, c) => $(c).find('h2 a').attr('href')).get()).toEqual([
      '/articles/second-article-fixture/',
      '/articles/arabic-rtl-fixture/',
      `/articles/${SEED_SLUG}/`,
      '/articles/print-fixture/',
      '/articles/spanish-fixture/',
      '/articles/sponsored-sections-fixture/',
      '/articles/swahili-fixture/',
    ]);
    const seed = cards.eq(2);
    expect(seed.find('h2').text()).toBe('Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran');
    expect(seed.find('.dek').text()).toMatch(/^Iraqi sources told the UK-based Al-Araby Al-Jadeed/);
    expect(seed.find('.credit').text()).toBe('YWN (Yeshiva World News) · Israel Desk · Jerusalem');
    expect(seed.find('time').attr('datetime')).toBe('2024-12-16');
    expect(cards.eq(0).find('.dek').text()).toBe('A short original article used only by the test suite.');
  });
});

describe('a second article file', () => {
  it('gets its own page with no code change, with its updated date and byline', async () => {
    const $ = await page('articles/second-article-fixture/index.html');
    expect($('h1').text()).toBe('Test fixture: a second article, to show a new file needs no code change');
    expect($('.dates time').map((_, t) => $(t).attr('datetime')).get()).toEqual(['2025-01-20T09:30:00.000Z', '2025-01-21T18:05:00.000Z']);
    expect($('.dates').text().replace(/\s+/g, ' ').trim()).toBe('Published 20 January 2025, 09:30 UTC · Updated 21 January 2025, 18:05 UTC · 1 min read');
    expect($('.byline').text()).toBe('By A. Tester');
    expect($('.article-body abbr').attr('title')).toBe('Abbreviation');
  });

  it('leaves drafts out of the production build', async () => {
    expect(existsSync(join(dist, 'articles/draft-fixture/index.html'))).toBe(false);
    expect((await page('index.html')).text()).not.toContain('a draft that production builds leave out');
  });

  it('leaves out an article scheduled after the build time: no page, listing, feed, sitemap or search entry', async () => {
    expect(existsSync(join(dist, `articles/${SCHEDULED_SLUG}`))).toBe(false);
    // Its title, desk, place and tag all hold the mark: no page, listing, author page, related list, feed or sitemap
    // of the site may name it or link to it.
    const files = await glob('**/*.{html,xml,json,txt}', { cwd: dist, ignore: ['pagefind/**'] });
    expect(files).toEqual(expect.arrayContaining(['index.html', 'rss.xml', 'atom.xml', 'feed.json', 'sitemap-0.xml', 'news-sitemap.xml', 'authors/a-tester/index.html', 'tags/iran/index.html', 'desks/test-desk/index.html']));
    const naming = [];
    for (const file of files) {
      const text = (await readFile(join(dist, file), 'utf8')).toLowerCase();
      if (text.includes(SCHEDULED_MARK.toLowerCase()) || text.includes(SCHEDULED_SLUG)) naming.push(file);
    }
    expect(naming).toEqual([]);
    // Search: Pagefind indexes the built article pages, and its index lists each page it holds.
    const pagefind = JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(pagefind.languages).reduce((sum, { page_count }) => sum + page_count, 0);
    expect(indexed).toBe((await glob('articles/*/index.html', { cwd: dist })).length);
  });
});

describe('the 404 page', () => {
  it('helps the reader find their way', async () => {
    const $ = await page('404.html');
    expect($('h1').text()).toBe('Page not found');
    expect($('main a[href="/"]').length).toBeGreaterThan(0);
  });

  it('offers the search box and the five newest articles', async () => {
    const $ = await page('404.html');
    expect($('main form[role=search]').attr('action')).toBe('/search/');
    expect($('main form input[name=q]')).toHaveLength(1);
    const newest = $('main ul.newest a').map((_, a) => $(a).attr('href')).get();
    const home$ = await page('index.html');
    const latest = home$('.article-list h2 a').map((_, a) => home$(a).attr('href')).get();
    expect(newest).toEqual(latest.slice(0, 5));
    expect(newest.length).toBe(Math.min(5, latest.length));
  });
});

describe('a build with invalid articles', () => {
  const build = inject('invalidBuild');

  it('fails', () => expect(build.code).not.toBe(0));

  it.each([
    ['Bad_File_Name.md', 'slug (file name)'],
    ['bad-source-url.md', 'sourceUrl'],
    ['empty-body.md', 'body'],
    ['impossible-day.md', 'published'],
    ['impossible-month.md', 'published'],
    ['missing-title.md', 'title'],
    ['typo-key.md', 'publshed'],
    ['updated-before-published.md', 'updated'],
    ['updated-before-published.md', 'tags'],
  ])('names %s and its field %s, all in one run', (file, field) => {
    expect(build.output).toContain(`tests/fixtures/invalid/${file}: ${field}:`);
  });

  it('leaves the previous site in place and no partial folder behind', async () => {
    expect(await readFile(join(build.outDir, 'index.html'), 'utf8')).toBe('<p>previous site</p>');
    expect(existsSync(`${build.outDir}.partial`)).toBe(false);
  });
});
