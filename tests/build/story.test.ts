import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { SEED_SLUG } from '../helpers/paths';
import { newsSitemapProblems } from '../helpers/news-sitemap-schema';
import { builtPages } from '../helpers/site-files';
import { ageNotice, reachableForms, readForms } from '../../src/format/age';
import { storyLabelsFor } from '../../src/format/story-labels';
import { vocabularyProblems } from '../helpers/schema-org';

// Issue 17 on the built test site: kind of story, age notice, contents, related articles, site pages, authors,
// the news sitemap.
const dist = inject('distDir');
const read = (path: string) => readFile(join(dist, path), 'utf8');
const page = async (path: string) => load(await read(`${path}index.html`));
const jsonLd = ($: ReturnType<typeof load>) => JSON.parse($('script[type="application/ld+json"]').text());
const ORIGIN = 'http://localhost:4321';

describe('kind of story', async () => {
  const sponsored = await page('articles/sponsored-sections-fixture/');
  const seed = await page(`articles/${SEED_SLUG}/`);

  it('labels the story above the headline, in the article language, and sponsored content unmistakably', () => {
    expect(seed('.article-header .story-kind').text()).toBe('News');
    const label = sponsored('.article-header .story-kind');
    expect(label.text()).toBe('Sponsored content');
    expect(label.hasClass('kind-sponsored')).toBe(true);
    // Above the headline, and not hidden from paper.
    expect(sponsored('.article-header').children().index(label)).toBeLessThan(sponsored('.article-header').children().index(sponsored('h1')));
    expect(label.attr('data-no-print')).toBeUndefined();
  });

  it('carries the kind into the schema.org type, the feeds and the listings', async () => {
    expect(jsonLd(sponsored)['@type']).toBe('AdvertiserContentArticle');
    expect(jsonLd(seed)['@type']).toBe('NewsArticle');
    const rss = await read('rss.xml');
    expect(rss).toMatch(/<title>Test fixture: a sponsored article with sections<\/title>[\s\S]*?<category>sponsored<\/category>/);
    const home = await page('');
    const card = home('.card').filter((_, c) => home(c).find('a[href="/articles/sponsored-sections-fixture/"]').length > 0);
    expect(card.find('.story-kind').text()).toBe('Sponsored content');
    // Plain news is not labelled on cards: every card saying "News" would be noise.
    expect(home('.card .kind-news')).toHaveLength(0);
  });
});

describe('age notice', async () => {
  it('is built in on an old article, with what the reader\'s script needs to correct it', async () => {
    const $ = await page('articles/sponsored-sections-fixture/');
    const notice = $('.article-header .age-notice');
    expect(notice.attr('hidden')).toBeUndefined();
    expect(notice.text()).toMatch(/^This article is more than \d+ years? old$/);
    expect(notice.attr('data-published')).toBe('2023-11-02T08:00:00.000Z');
    expect(notice.attr('data-min-days')).toBe('365');
    // The sentences the page can still need as it ages: years from its present age on, no months past a year.
    const forms = reachableForms(storyLabelsFor('en').labels.olderThan, 'en', new Date('2023-11-02T08:00:00Z'), new Date(), 365);
    expect(readForms(notice.attr('data-years'))).toEqual(forms.years);
    expect(forms.years?.other).toBe('This article is more than {n} years old');
    expect(notice.attr('data-months')).toBeUndefined();
  });

  it.each([
    ['arabic-rtl-fixture', 'ar', '2025-01-12', undefined],
    ['spanish-fixture', 'es', '2023-11-05', undefined],
    // Swahili has no story words yet: the English notice, marked as English.
    ['swahili-fixture', 'en', '2023-10-01', 'en'],
  ])('is in the article\'s language on %s, with its plural forms for the reader\'s script', async (slug, lang, published, marked) => {
    const notice = (await page(`articles/${slug}/`))('.article-header .age-notice');
    const { olderThan } = storyLabelsFor(lang).labels;
    expect(notice.text()).toBe(ageNotice(olderThan, lang, new Date(`${published}T00:00:00Z`), new Date(), 365));
    expect(notice.attr('lang')).toBe(marked);
    const forms = reachableForms(olderThan, lang, new Date(`${published}T00:00:00Z`), new Date(), 365);
    expect(readForms(notice.attr('data-years'))).toEqual(forms.years);
    expect(Object.keys(forms.years ?? {})).toContain('other');
  });
});

describe('table of contents and heading ids', async () => {
  it('opens an article with three section headings with a <details> of links to their ids', async () => {
    const $ = await page('articles/sponsored-sections-fixture/');
    const links = $('details.toc a').map((_, a) => $(a).attr('href')).get();
    expect(links).toEqual(['#user-content-what-a-reader-sees-first', '#user-content-why-it-has-sections', '#user-content-what-follows-it']);
    for (const href of links) expect($(`h2${href}`)).toHaveLength(1);
  });

  it('leaves it out below three', async () => {
    expect((await page(`articles/${SEED_SLUG}/`))('details.toc')).toHaveLength(0);
  });
});

describe('related articles', () => {
  it('lists articles sharing a tag first, at most five', async () => {
    const $ = await page('articles/second-article-fixture/');
    const related = $('nav.related-articles a').map((_, a) => $(a).attr('href')).get();
    expect(related[0]).toBe('/articles/sponsored-sections-fixture/');
    expect(related.length).toBeLessThanOrEqual(5);
    expect(related).not.toContain('/articles/second-article-fixture/');
  });

  it('are not listed again under "More from" the desk, on any article page', async () => {
    let both = 0;
    for (const { file, $ } of [...(await builtPages(dist)), ...(await builtPages(inject('newsroomDist')))]) {
      if (!file.startsWith('articles/')) continue;
      const related = new Set($('nav.related-articles a').map((_, a) => $(a).attr('href')).get());
      const more = $('nav.article-nav ul:not(.prev-next) a').map((_, a) => $(a).attr('href')).get();
      expect(more.filter((href) => related.has(href)), file).toEqual([]);
      if (related.size && more.length) both += 1;
    }
    // Pages that show both lists, so the check above has something to check.
    expect(both).toBeGreaterThan(0);
  });
});

describe('site pages and the publisher', async () => {
  const seed = await page(`articles/${SEED_SLUG}/`);

  it('renders content/pages/ at /<slug>/, through the sanitizer, and links them from every footer', async () => {
    const about = await page('about/');
    expect(about('main h1').text()).toBe('About The Reader');
    expect(about('main .article-body p[id^="p-"]').length).toBeGreaterThan(0);
    for (const $ of [about, seed, await page('')]) {
      // The site pages' line of the footer (the feeds have a line of their own).
      expect($('.site-footer p a:not([href="/"], [href$=".xml"], [href$=".json"])').map((_, a) => $(a).attr('href')).get()).toEqual(['/about/', '/corrections/', '/ethics/', '/contact/']);
    }
  });

  it('makes the publisher a NewsMediaOrganization pointing at the policy pages', () => {
    expect(jsonLd(seed).publisher).toEqual({
      '@type': 'NewsMediaOrganization', name: 'The Reader', url: `${ORIGIN}/`,
      masthead: `${ORIGIN}/about/`, publishingPrinciples: `${ORIGIN}/about/`,
      correctionsPolicy: `${ORIGIN}/corrections/`, ethicsPolicy: `${ORIGIN}/ethics/`,
    });
  });

  it('links a correction notice to the corrections policy, and gives each correction as a dated CorrectionComment', async () => {
    const $ = await page('articles/sponsored-sections-fixture/');
    expect($('.corrections a[href="/corrections/"]')).toHaveLength(1);
    expect(jsonLd($).correction).toEqual([{
      '@type': 'CorrectionComment', text: 'An earlier version of this article said it had two sections; it has three.',
      datePublished: '2023-11-03T00:00:00.000Z',
    }]);
  });
});

describe('authors', () => {
  it('links a byline that matches content/authors/ to the author page, and makes the JSON-LD author a Person with url', async () => {
    const $ = await page('articles/second-article-fixture/');
    expect($('.byline a[rel="author"]').attr('href')).toBe('/authors/a-tester/');
    expect(jsonLd($).author).toEqual({ '@type': 'Person', name: 'A. Tester', url: `${ORIGIN}/authors/a-tester/` });
  });

  it('gives the author a page with the bio, links and their articles', async () => {
    const $ = await page('authors/a-tester/');
    expect($('main h1').text()).toBe('A. Tester');
    expect($('.author-links a').attr('href')).toBe('https://example.org/a-tester');
    expect($('.card h2 a').map((_, a) => $(a).attr('href')).get()).toEqual(['/articles/second-article-fixture/']);
  });
});

describe('news sitemap', () => {
  it('is named in robots.txt beside the main sitemap, and valid against the news sitemap schema', async () => {
    const robots = (await read('robots.txt')).split('\n');
    expect(robots).toContain(`Sitemap: ${ORIGIN}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml`);
    // The fixtures are all older than 48 hours: an empty, valid urlset (its content is tested in the unit tests).
    expect(newsSitemapProblems(await read('news-sitemap.xml'))).toEqual([]);
  });
});

describe('JSON-LD vocabulary', () => {
  it.each([
    ['the test site', 'distDir'],
    ['the newsroom', 'newsroomDist'],
    ['the photo site', 'photoDist'],
  ] as const)('uses only schema.org types and their properties on every page of %s', async (_name, key) => {
    const pages = await builtPages(inject(key));
    const blocks = pages.flatMap(({ file, $ }) => $('script[type="application/ld+json"]').toArray().map((script) => ({ file, value: JSON.parse($(script).text()) as unknown })));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    expect(blocks.flatMap(({ file, value }) => vocabularyProblems(value).map((problem) => `${file}: ${problem}`))).toEqual([]);
  });
});
