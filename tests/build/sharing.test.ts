import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { pngSize } from '../../src/sharing/social-image';
import { SEED_SLUG } from '../helpers/paths';

const dist = inject('distDir');
const read = (path: string) => readFile(join(dist, path), 'utf8');
const ORIGIN = 'http://localhost:4321';
const SEED_URL = `${ORIGIN}/articles/${SEED_SLUG}/`;
const SEED_TITLE = 'Iran Stands Alone In Major Blow: Iraqi Militias Refuse To Continue Aiding Iran';
const PRINT_URL = `${ORIGIN}/articles/print-fixture/`;
const ARABIC_URL = `${ORIGIN}/articles/arabic-rtl-fixture/`;
const SECOND_URL = `${ORIGIN}/articles/second-article-fixture/`;
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name, path) => ['item', 'entry', 'category', 'url', 'sitemap'].includes(name) || path === 'feed.link' });
/** Every href/src in an HTML fragment. */
const urlsIn = (html: string) => { const $ = load(html); return $('[href], [src]').map((_, e) => $(e).attr('href') ?? $(e).attr('src')).get(); };

describe('the seed article page head', async () => {
  const $ = load(await read(`articles/${SEED_SLUG}/index.html`));
  const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).map((_, m) => $(m).attr('content')).get();
  const description = $('meta[name="description"]').attr('content');

  it.each([
    ['og:type', ['article']],
    ['og:site_name', ['The Reader']],
    ['og:title', [SEED_TITLE]],
    ['og:url', [SEED_URL]],
    ['og:image', [`${SEED_URL}og.png`]],
    ['og:image:width', ['1200']],
    ['og:image:height', ['630']],
    ['og:image:alt', [SEED_TITLE]],
    ['article:published_time', ['2024-12-16T00:00:00.000Z']],
    ['article:modified_time', ['2024-12-16T00:00:00.000Z']],
    ['article:section', ['Israel Desk']],
    ['article:tag', ['Iran', 'Iraq', 'Syria']],
    ['twitter:card', ['summary_large_image']],
    ['citation_title', [SEED_TITLE]],
    ['citation_author', ['YWN (Yeshiva World News)']],
    ['citation_publication_date', ['2024/12/16']],
    ['citation_publisher', ['YWN (Yeshiva World News)']],
    ['citation_language', ['en']],
  ])('%s is %j', (key, values) => {
    expect(meta(key)).toEqual(values);
  });

  it('og:description is the meta description', () => {
    expect(description).toMatch(/^Iraqi sources told/);
    expect(meta('og:description')).toEqual([description]);
  });

  it('links the three feeds', () => {
    expect($('link[rel="alternate"]').map((_, l) => `${$(l).attr('type')} ${$(l).attr('href')}`).get()).toEqual([
      'application/rss+xml /rss.xml', 'application/atom+xml /atom.xml', 'application/feed+json /feed.json',
    ]);
  });

  it('has NewsArticle JSON-LD with absolute URLs', () => {
    const scripts = $('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts.text());
    expect(ld).toMatchObject({
      '@context': 'https://schema.org', '@type': 'NewsArticle', headline: SEED_TITLE, description,
      datePublished: '2024-12-16T00:00:00.000Z', dateModified: '2024-12-16T00:00:00.000Z',
      author: { '@type': 'Organization', name: 'YWN (Yeshiva World News)' },
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Reader', url: `${ORIGIN}/` },
      sourceOrganization: { '@type': 'Organization', name: 'YWN (Yeshiva World News)', url: 'https://theyeshivaworld.com' },
      dateline: 'Jerusalem', locationCreated: { '@type': 'Place', name: 'Jerusalem' },
      isBasedOn: expect.stringMatching(/^https:\/\/theyeshivaworld\.com\/news\//),
      inLanguage: 'en', mainEntityOfPage: { '@type': 'WebPage', '@id': SEED_URL }, image: `${SEED_URL}og.png`,
      articleSection: 'Israel Desk', keywords: ['Iran', 'Iraq', 'Syria'],
    });
  });
});

describe('the seed article page body', async () => {
  const $ = load(await read(`articles/${SEED_SLUG}/index.html`));
  it('gives every paragraph a unique, unprefixed id and a link to it', () => {
    const paragraphs = $('.article-body > p');
    expect(paragraphs).toHaveLength(10);
    const ids = paragraphs.map((_, p) => $(p).attr('id')).get();
    expect(new Set(ids).size).toBe(10);
    for (const [i, id] of ids.entries()) {
      expect(id).toMatch(/^p-[0-9a-f]{6}$/);
      expect(paragraphs.eq(i).children('a.pl').attr('href')).toBe(`#${id}`);
    }
  });
  it('shows the permalink as a plain link, the share buttons hidden until script shows them, and the citation', () => {
    expect($('.share a.permalink').attr('href')).toBe(SEED_URL);
    expect($('.share a.permalink').text()).toBe(SEED_URL);
    expect($('.share button').map((_, b) => `${$(b).text()} ${$(b).attr('hidden') !== undefined}`).get()).toEqual(['Copy link true', 'Share… true']);
    expect($('.cite summary').text()).toBe('Cite this article');
    expect($('.cite p').text()).toBe(`${SEED_TITLE}. (2024, December 16). YWN (Yeshiva World News). ${SEED_URL}`);
    expect($('[onclick], [onload]')).toHaveLength(0);
  });
});

describe('feeds', () => {
  it('RSS 2.0 has every article, whole, with absolute links and dates', async () => {
    const { rss } = xml.parse(await read('rss.xml'));
    expect(rss['@version']).toBe('2.0');
    const items = rss.channel.item;
    expect(items.map((i: { link: string }) => i.link)).toEqual([SECOND_URL, ARABIC_URL, SEED_URL, PRINT_URL, `${ORIGIN}/articles/spanish-fixture/`, `${ORIGIN}/articles/sponsored-sections-fixture/`, `${ORIGIN}/articles/swahili-fixture/`]);
    expect(new Date(items[2].pubDate).toISOString()).toBe('2024-12-16T00:00:00.000Z');
    expect(new Date(items[0].pubDate).toISOString()).toBe('2025-01-20T09:30:00.000Z');
    const content = items[2]['content:encoded'];
    expect(load(content)('p')).toHaveLength(10);
    expect(content).toContain('He also noted that “the soldiers were welcomed');
    expect(urlsIn(items[0]['content:encoded'])).toEqual(['https://example.org/']);
  });

  it('Atom has every article, whole, with absolute links and dates', async () => {
    const { feed } = xml.parse(await read('atom.xml'));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.link.map((l: Record<string, string>) => l['@href'])).toEqual([`${ORIGIN}/atom.xml`, `${ORIGIN}/`]);
    const [second, arabic, seed] = feed.entry;
    expect([second.id, arabic.id, seed.id]).toEqual([SECOND_URL, ARABIC_URL, SEED_URL]);
    expect([seed.published, seed.updated, second.updated]).toEqual(['2024-12-16T00:00:00.000Z', '2024-12-16T00:00:00.000Z', '2025-01-21T18:05:00.000Z']);
    expect(feed.updated).toBe('2025-01-21T18:05:00.000Z');
    expect(second.author.name).toBe('A. Tester');
    expect(seed.content['@type']).toBe('html');
    expect(load(seed.content['#text'])('p')).toHaveLength(10);
    expect(urlsIn(second.content['#text'])).toEqual(['https://example.org/']);
  });

  it('JSON Feed 1.1 has every article, whole, with absolute links and dates', async () => {
    const feed = JSON.parse(await read('feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe(`${ORIGIN}/feed.json`);
    const [second, arabic, seed] = feed.items;
    expect([second.url, arabic.url, seed.url]).toEqual([SECOND_URL, ARABIC_URL, SEED_URL]);
    expect(arabic.language).toBe('ar');
    expect([second.date_published, second.date_modified]).toEqual(['2025-01-20T09:30:00.000Z', '2025-01-21T18:05:00.000Z']);
    expect(seed.image).toBe(`${SEED_URL}og.png`);
    expect(load(seed.content_html)('p')).toHaveLength(10);
    // No paragraph-link anchors in feeds: they mean nothing in a reader.
    expect(load(seed.content_html)('a.pl')).toHaveLength(0);
    for (const item of feed.items) for (const url of urlsIn(item.content_html)) expect(url).toMatch(/^(?:https?:\/\/|mailto:)/);
  });
});

describe('sitemap and robots.txt', () => {
  it('lists every page, with a lastmod per article', async () => {
    const { sitemapindex } = xml.parse(await read('sitemap-index.xml'));
    expect(sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([`${ORIGIN}/sitemap-0.xml`]);
    const { urlset } = xml.parse(await read('sitemap-0.xml'));
    const lastmod = Object.fromEntries(urlset.url.map((u: { loc: string; lastmod?: string }) => [u.loc, u.lastmod]));
    expect(lastmod).toMatchObject({ [SEED_URL]: '2024-12-16T00:00:00.000Z', [SECOND_URL]: '2025-01-21T18:05:00.000Z', [ARABIC_URL]: '2025-01-12T00:00:00.000Z' });
    expect(Object.keys(lastmod)).toContain(`${ORIGIN}/`);
    expect(Object.keys(lastmod)).toContain(`${ORIGIN}/desks/israel-desk/`);
    expect(Object.keys(lastmod).filter((url) => url.includes('/articles/'))).toHaveLength(7);
    expect(Object.keys(lastmod).some((url) => url.includes('draft'))).toBe(false);
  });
  it('robots.txt points at the sitemap on the SITE_URL origin', async () => {
    expect((await read('robots.txt')).split('\n')).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
  });
});

describe('social images', () => {
  it.each([SEED_SLUG, 'second-article-fixture'])('%s has a 1200x630 og.png', async (slug) => {
    expect(pngSize(await readFile(join(dist, 'articles', slug, 'og.png')))).toEqual({ width: 1200, height: 630 });
  });
  it('drafts get none', () => {
    expect(existsSync(join(dist, 'articles/draft-fixture/og.png'))).toBe(false);
  });
  it('the site has its own 1200x630 card, for the pages that are not articles', async () => {
    expect(pngSize(await readFile(join(dist, 'og.png')))).toEqual({ width: 1200, height: 630 });
  });
});

describe('Open Graph and Twitter tags on the pages that are not articles', () => {
  it.each([
    ['index.html', `${ORIGIN}/`],
    ['desks/israel-desk/index.html', `${ORIGIN}/desks/israel-desk/`],
    ['search/index.html', `${ORIGIN}/search/`],
    ['archive/index.html', `${ORIGIN}/archive/`],
  ])('%s is shared as the website, with the site card', async (file, url) => {
    const $ = load(await read(file));
    const meta = (key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).map((_, m) => $(m).attr('content')).get();
    expect(meta('og:type')).toEqual(['website']);
    expect(meta('og:url')).toEqual([url]);
    expect(meta('og:url')).toEqual([$('link[rel=canonical]').attr('href')]);
    expect(meta('og:title')).toEqual([$('title').text()]);
    expect(meta('og:description')).toEqual([$('meta[name=description]').attr('content')]);
    expect(meta('og:image')).toEqual([`${ORIGIN}/og.png`]);
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual([['1200'], ['630']]);
    expect(meta('twitter:card')).toEqual(['summary_large_image']);
  });
  it('an article page keeps its own, once', async () => {
    const $ = load(await read(`articles/${SEED_SLUG}/index.html`));
    expect($('meta[property="og:type"]').map((_, m) => $(m).attr('content')).get()).toEqual(['article']);
    expect($('meta[name="twitter:card"]')).toHaveLength(1);
  });
});
