import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSite } from '../../scripts/build.mjs';
import { axeViolations, siteInChromium } from '../helpers/browser';
import { FIXTURE_ARTICLES, FIXTURE_AUTHORS, SCREENSHOTS } from '../helpers/paths';

// Two small sites whose own language is not English (SITE_LANG): Arabic, right to left, and Spanish. Each holds the
// Arabic, Spanish and an English fixture article, so cards in the other languages sit on its listings.
const SITES = {
  ar: {
    env: { SITE_LANG: 'ar', SITE_NAME: 'القارئ', SITE_TAGLINE: 'الأخبار كما هي، بوضوح.' },
    about: ['عن القارئ', 'من ينشر القارئ ولماذا.'],
    dir: 'rtl',
    query: 'المكتبة',
    words: { latest: 'أحدث المقالات', nav: 'بحث الأرشيف المكاتب الأماكن الوسوم', note: '3 مقالات، الأحدث أولًا.', notFound: 'الصفحة غير موجودة', archive: 'الأرشيف', authorArticles: 'المقالات', authorDescription: 'مقالات A. Tester.' },
  },
  es: {
    env: { SITE_LANG: 'es', SITE_NAME: 'El Lector', SITE_TAGLINE: 'Noticias, presentadas con sencillez.' },
    about: ['Acerca de El Lector', 'Quién publica El Lector y para qué.'],
    dir: undefined,
    query: 'biblioteca',
    words: { latest: 'Últimos artículos', nav: 'Buscar Archivo Secciones de redacción Lugares Etiquetas', note: '3 artículos, los más recientes primero.', notFound: 'Página no encontrada', archive: 'Archivo', authorArticles: 'Artículos', authorDescription: 'Artículos de A. Tester.' },
  },
} as const;
const FIXTURES = ['arabic-rtl-fixture.md', 'spanish-fixture.md', 'second-article-fixture.md'];
const SCHEMES = ['light', 'dark'] as const;

const work = await mkdtemp(join(tmpdir(), 'reader-site-language-'));
const dists: Record<string, string> = {};
beforeAll(async () => {
  const articles = join(work, 'articles');
  await mkdir(articles);
  await Promise.all(FIXTURES.map((file) => cp(join(FIXTURE_ARTICLES, file), join(articles, file))));
  // One after the other, each with its own Astro cache (the article index the social images read lives there), and
  // an about page written in its language (the site's pages are the newsroom's own, in the site's language).
  for (const [lang, { env, about }] of Object.entries(SITES)) {
    const outDir = join(work, `${lang}-dist`);
    const pages = join(work, `${lang}-pages`);
    await mkdir(pages);
    await writeFile(join(pages, 'about.md'), `---\ntitle: ${about[0]}\ndescription: ${about[1]}\nroles: [masthead]\n---\n${about[1]}\n`);
    const build = await buildSite({ outDir, env: { ...env, SITE_URL: 'http://localhost:4321', ARTICLES_DIR: articles, PAGES_DIR: pages, AUTHORS_DIR: FIXTURE_AUTHORS, ASTRO_CACHE_DIR: join(work, `${lang}-cache`) }, quiet: true });
    if (build.code !== 0) throw new Error(`The ${lang} site did not build:\n${build.output}`);
    dists[lang] = outDir;
  }
}, 600_000);
afterAll(() => rm(work, { recursive: true, force: true }));

const text = ($: CheerioAPI, selector: string) => $(selector).first().text().replace(/\s+/g, ' ').trim();

for (const [lang, site] of Object.entries(SITES)) {
  describe(`a site in ${lang} (SITE_LANG=${lang})`, () => {
    const chromium = siteInChromium(() => dists[lang]!);
    const page = async (path: string) => load(await readFile(join(dists[lang]!, path), 'utf8'));

    it('speaks its language on the home page, the listings, the archive, search, 404 and author pages, header and footer included', async () => {
      for (const path of ['index.html', 'desks/index.html', 'archive/index.html', 'search/index.html', '404.html', 'authors/a-tester/index.html']) {
        const $ = await page(path);
        expect($('html').attr('lang'), path).toBe(lang);
        expect($('html').attr('dir'), path).toBe(site.dir);
        expect(text($, '.site-name'), path).toBe(site.env.SITE_NAME);
        expect(text($, '.site-nav'), path).toBe(site.words.nav);
        expect(text($, '.site-footer span'), path).toBe(`${site.env.SITE_NAME}: ${site.env.SITE_TAGLINE}`);
        expect($('.site-footer p').last().text(), path).toBe(site.about[0]);
        // No furniture is marked English: every word has its translation (only the English article is English).
        expect($('[lang="en"]').not('.card, .newest li').length, path).toBe(0);
      }
      const home = await page('index.html');
      expect(text(home, 'h1')).toBe(site.words.latest);
      expect(text(home, '.page-note')).toBe(site.words.note);
      expect(home('title').text()).toBe(site.env.SITE_NAME);
      expect(text(await page('404.html'), 'h1')).toBe(site.words.notFound);
      expect(text(await page('archive/index.html'), 'h1')).toBe(site.words.archive);
      const author = await page('authors/a-tester/index.html');
      expect(text(author, '#author-articles')).toBe(site.words.authorArticles);
      expect(author('meta[name="description"]').attr('content')).toBe(site.words.authorDescription);
      // A card in a language that runs the other way from the site's is set in its own direction.
      const cards = home('.card').toArray().map((card) => [home(card).attr('lang'), home(card).attr('dir')]);
      const directions = lang === 'ar' ? [['en', 'ltr'], ['es', 'ltr'], ['ar', undefined]] : [['en', undefined], ['es', undefined], ['ar', 'rtl']];
      expect(cards).toEqual(expect.arrayContaining(directions));
      // So is a headline in the 404 page's list of the newest articles (its link: the bullet stays in the column).
      const notFound = await page('404.html');
      expect(notFound('.newest li').toArray().map((li) => [notFound(li).attr('lang'), notFound(li).find('a').attr('dir')])).toEqual(expect.arrayContaining(directions));
    });

    const PAGES = { home: '/', listing: '/desks/test-desk/', 'search results': `/search/?q=${encodeURIComponent(site.query)}`, '404': '/no-such-page/', author: '/authors/a-tester/', article: lang === 'ar' ? '/articles/arabic-rtl-fixture/' : '/articles/spanish-fixture/' };
    async function open(path: string, scheme: 'light' | 'dark', width: number): Promise<Page> {
      const tab = await chromium.context.newPage();
      await tab.emulateMedia({ colorScheme: scheme });
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(`${chromium.url}${path}`);
      if (path.startsWith('/search/?')) await tab.locator('#search-results li').first().waitFor();
      return tab;
    }

    for (const [name, path] of Object.entries(PAGES)) {
      for (const scheme of SCHEMES) {
        it(`finds no accessibility violation on the ${name} page in ${scheme} mode (axe-core)`, async () => {
          const tab = await open(path, scheme, 1280);
          expect(await axeViolations(tab)).toEqual([]);
          await tab.close();
        });
      }
    }

    it.each([375, 1280])('saves screenshots of the article, home, search results and 404 at %i px, none wider than the screen', async (width) => {
      for (const [name, path] of Object.entries({ article: PAGES.article, home: PAGES.home, search: PAGES['search results'], '404': PAGES['404'] })) {
        const tab = await open(path, 'light', width);
        await tab.screenshot({ path: join(SCREENSHOTS, `site-${lang}-${name}-${width}.png`), fullPage: true });
        expect(await tab.evaluate(() => document.documentElement.scrollWidth), `${name}`).toBeLessThanOrEqual(width);
        await tab.close();
      }
    });
  });
}
