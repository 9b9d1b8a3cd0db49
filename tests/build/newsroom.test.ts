import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { newsroomArticles, type NewsroomArticle } from '../helpers/newsroom-fixtures';
import { nameSlug } from '../../src/newsroom/slugs';
import { brokenLinks, builtPages } from '../helpers/site-files';

const dist = inject('newsroomDist');
const articles = newsroomArticles();
const PAGE_SIZE = 20;

/** Reads the page at a site path such as /desks/world-desk/ (percent-encoded or not). */
const page = async (path: string): Promise<CheerioAPI> =>
  load(await readFile(join(dist, decodeURIComponent(path), path.endsWith('/') ? 'index.html' : ''), 'utf8'));

/** Newest first, ties by headline: the order every listing must show. */
const newestFirst = (list: NewsroomArticle[]) =>
  [...list].sort((a, b) => Date.parse(b.published) - Date.parse(a.published) || a.title.localeCompare(b.title));
const hrefs = (list: NewsroomArticle[]) => newestFirst(list).map((a) => `/articles/${a.slug}/`);

/** Follows a listing's "next page" links from its first page, checking numbering, size and count on each. */
async function walk(first: string, total: number): Promise<string[]> {
  const found: string[] = [];
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  let path: string | undefined = first;
  for (let n = 1; path; n++) {
    expect(path).toBe(n === 1 ? first : `${first}page/${n}/`);
    const $ = await page(path);
    expect($('.page-note').text()).toContain(`${total} article${total === 1 ? '' : 's'}`);
    if (pages > 1) expect($('.pager span').text()).toBe(`Page ${n} of ${pages}`);
    const cards = $('.article-list .card h2 a').map((_, a) => $(a).attr('href')).get();
    expect(cards.length).toBe(n < pages ? PAGE_SIZE : total - PAGE_SIZE * (pages - 1));
    found.push(...cards);
    const prev = $('.pager a[rel="prev"]').attr('href');
    expect(prev).toBe(n === 1 ? undefined : n === 2 ? first : `${first}page/${n - 1}/`);
    path = $('.pager a[rel="next"]').attr('href');
    if (n === pages) expect(path).toBeUndefined();
  }
  return found;
}

/** Articles grouped by a key, as the site must group them. */
function groups(keysOf: (a: NewsroomArticle) => string[]): Map<string, NewsroomArticle[]> {
  const map = new Map<string, NewsroomArticle[]>();
  for (const a of articles) for (const key of keysOf(a)) map.set(key, [...(map.get(key) ?? []), a]);
  return map;
}

describe('listing pages of a generated newsroom', () => {
  it('has enough articles, desks, places, tags and months to mean something', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(groups((a) => [a.desk]).size).toBeGreaterThanOrEqual(4);
    expect(groups((a) => [a.published.slice(0, 7)]).size).toBeGreaterThanOrEqual(12);
  });

  it('paginates the home page from / through /page/<n>/, newest first, with no gaps or repeats', async () => {
    const found = await walk('/', articles.length);
    expect(found).toEqual(hrefs(articles));
    expect(new Set(found).size).toBe(articles.length);
  });

  const sections = [
    ['desks', (a: NewsroomArticle) => [a.desk]],
    ['places', (a: NewsroomArticle) => [a.location]],
    ['tags', (a: NewsroomArticle) => a.tags],
  ] as const;
  for (const [section, keysOf] of sections) {
    it(`lists exactly the right articles, in order, on every ${section} page, and indexes them with counts`, async () => {
      const expected = groups(keysOf);
      const index = await page(`/${section}/`);
      const links = index('.group-list li').map((_, li) => ({
        path: index(li).find('a').attr('href'),
        name: index(li).find('a').text(),
        count: index(li).find('.count').text(),
      })).get();
      expect(links.map((l) => l.name).sort()).toEqual([...expected.keys()].sort());
      for (const [name, list] of expected) {
        const link = links.find((l) => l.name === name)!;
        expect(link.path).toBe(`/${section}/${nameSlug(name)}/`);
        expect(link.count).toBe(`(${list.length})`);
        expect(await walk(link.path!, list.length)).toEqual(hrefs(list));
        expect((await page(link.path!))('h1').text()).toBe(name);
      }
    });
  }

  it('paginates a desk with more than one page of articles', async () => {
    const world = articles.filter((a) => a.desk === 'World Desk');
    expect(world.length).toBeGreaterThan(PAGE_SIZE);
    expect(existsSync(join(dist, 'desks/world-desk/page/2/index.html'))).toBe(true);
  });

  it('keeps non-Latin names readable in their URLs', async () => {
    expect(existsSync(join(dist, 'places/القدس/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'desks/مكتب-الشرق-الأوسط/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'places/sao-paulo/index.html'))).toBe(true);
  });

  it('archives every article by year and by month, with counts', async () => {
    const years = groups((a) => [a.published.slice(0, 4)]);
    const months = groups((a) => [a.published.slice(0, 7)]);
    const $ = await page('/archive/');
    for (const [year, list] of years) {
      expect(await walk(`/archive/${year}/`, list.length)).toEqual(hrefs(list));
      expect($(`a[href="/archive/${year}/"]`).next('.count').text()).toBe(`(${list.length})`);
    }
    for (const [month, list] of months) {
      const path = `/archive/${month.replace('-', '/')}/`;
      expect(await walk(path, list.length)).toEqual(hrefs(list));
      expect($(`a[href="${path}"]`).next('.count').text()).toBe(`(${list.length})`);
    }
    expect($('a[href="/archive/2024/03/"]').text()).toBe('March 2024');
  });
});

describe('an article in the newsroom', () => {
  const ordered = newestFirst(articles);

  it('links its credit desk and place and its tags to their listings', async () => {
    const a = articles.find((x) => x.location === 'القدس')!;
    const $ = await page(`/articles/${a.slug}/`);
    expect($('.credit a').map((_, l) => $(l).attr('href')).get()).toEqual([`/desks/${nameSlug(a.desk)}/`, '/places/القدس/']);
    expect($('.tags a').map((_, l) => $(l).attr('href')).get()).toEqual(a.tags.map((t) => `/tags/${nameSlug(t)}/`));
  });

  it('links to the previous (older) and next (newer) article and to more from its desk', async () => {
    for (const i of [0, 5, ordered.length - 1]) {
      const a = ordered[i]!;
      const $ = await page(`/articles/${a.slug}/`);
      expect($('.prev-next a[rel="prev"]').attr('href')).toBe(ordered[i + 1] && `/articles/${ordered[i + 1]!.slug}/`);
      expect($('.prev-next a[rel="next"]').attr('href')).toBe(ordered[i - 1] && `/articles/${ordered[i - 1]!.slug}/`);
      // The desk's newest, less those the page lists among its related articles.
      const related = new Set($('nav.related-articles a').map((_, l) => $(l).attr('href')).get());
      const sameDesk = ordered.map((x) => ({ x, path: `/articles/${x.slug}/` })).filter(({ x, path }) => x.desk === a.desk && x !== a && !related.has(path)).slice(0, 3).map(({ path }) => path);
      expect($('.article-nav ul:not(.prev-next) a').map((_, l) => $(l).attr('href')).get()).toEqual(sameDesk);
      expect($('.article-nav h2 a').attr('href')).toBe(`/desks/${nameSlug(a.desk)}/`);
    }
  });

  it('shows a dated correction notice and counts the correction as the latest update', async () => {
    const a = articles.find((x) => x.corrections.length)!;
    const $ = await page(`/articles/${a.slug}/`);
    expect($('.corrections').text().replace(/\s+/g, ' ').trim()).toBe('Correction, 2 March 2025: An earlier version misspelled the minister’s name.Our corrections policy');
    expect($('.corrections time').attr('datetime')).toBe('2025-03-02');
    expect($('.dates time').last().attr('datetime')).toBe('2025-03-02');
    expect($('.dates').text()).toContain('Updated 2 March 2025');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd.dateModified).toBe('2025-03-02T00:00:00.000Z');
    expect(jsonLd.correction).toEqual([{ '@type': 'CorrectionComment', text: 'An earlier version misspelled the minister’s name.', datePublished: '2025-03-02T00:00:00.000Z' }]);
    const feed = JSON.parse(await readFile(join(dist, 'feed.json'), 'utf8'));
    const item = feed.items.find((i: { url: string }) => i.url.endsWith(`/articles/${a.slug}/`));
    // The feed carries the 50 newest articles: all of this 47-article newsroom.
    expect(item.date_modified).toBe('2025-03-02T00:00:00.000Z');
    expect(item.content_html).toContain('<p><strong>Correction, 2 March 2025:</strong> An earlier version misspelled the minister’s name.</p>');
    const plain = await page(`/articles/${articles[8]!.slug}/`);
    expect(plain('.corrections')).toHaveLength(0);
    expect(plain('.dates').text()).not.toContain('Updated');
  });

  it('loads no search asset, no stylesheet file, and no script file but the enhancement module', async () => {
    const $ = await page(`/articles/${articles[0]!.slug}/`);
    expect($('link[rel="stylesheet"], link[rel="modulepreload"]')).toHaveLength(0);
    expect($('script[src]').map((_, s) => `${$(s).attr('type')} ${$(s).attr('src')}`).get()).toEqual([expect.stringMatching(/^module \/_astro\/[\w.-]+\.js$/)]);
    expect($.html()).not.toContain('pagefind/');
  });
});

describe('every link in the newsroom build', () => {
  it('resolves to a file in dist', async () => {
    const pages = await builtPages(dist);
    expect(pages.length).toBeGreaterThan(articles.length + 20);
    const results = pages.map(({ file, $ }) => brokenLinks(dist, file, $));
    expect(results.flatMap((r) => r.broken)).toEqual([]);
    expect(results.reduce((n, r) => n + r.checked, 0)).toBeGreaterThan(1000);
  });

  it('includes the search index the search page loads', () => {
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
  });
});
