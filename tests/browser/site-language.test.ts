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
// Arabic, Spanish and an English fixture article, so cards in the other languages sit on its listings, and an article
// written in its language that does not say so (NO_LANG), which is then in the site's.
const SITES = {
  ar: {
    env: { SITE_LANG: 'ar', SITE_NAME: 'القارئ', SITE_TAGLINE: 'الأخبار كما هي، بوضوح.' },
    about: ['عن القارئ', 'من ينشر القارئ ولماذا.'],
    dir: 'rtl',
    query: 'المكتبة',
    words: { latest: 'أحدث المقالات', nav: 'بحث الأرشيف المكاتب الأماكن الوسوم', note: '4 مقالات، الأحدث أولًا.', published: 'نُشر في 14 فبراير 2025', paragraphLink: 'رابط إلى هذه الفقرة', notFound: 'الصفحة غير موجودة', archive: 'الأرشيف', authorArticles: 'المقالات', authorDescription: 'مقالات A. Tester.' },
  },
  es: {
    env: { SITE_LANG: 'es', SITE_NAME: 'El Lector', SITE_TAGLINE: 'Noticias, presentadas con sencillez.' },
    about: ['Acerca de El Lector', 'Quién publica El Lector y para qué.'],
    dir: undefined,
    query: 'biblioteca',
    words: { latest: 'Últimos artículos', nav: 'Buscar Archivo Secciones de redacción Lugares Etiquetas', note: '4 artículos, los más recientes primero.', published: 'Publicado 1 de junio de 2026', paragraphLink: 'Enlace a este párrafo', notFound: 'Página no encontrada', archive: 'Archivo', authorArticles: 'Artículos', authorDescription: 'Artículos de A. Tester.' },
  },
} as const;
const FIXTURES = ['arabic-rtl-fixture.md', 'spanish-fixture.md', 'second-article-fixture.md'];
const SCHEMES = ['light', 'dark'] as const;
/**
 * Articles without `lang`, one written in each site's language. The Spanish one is in the folder for both builds, but
 * scheduled after the Arabic site's build time (BUILT_AT): the Arabic build stores it in Astro's cache, under
 * SITE_LANG=ar, and the Spanish site, built on that cache, must not take it from there (the Arabic one is gone by then).
 */
const NO_LANG = {
  ar: { slug: 'bila-lugha', file: '---\ntitle: "سوق الميناء يمدد ساعات عمله"\nsource: نشرة القارئ التجريبية\ndesk: مكتب الثقافة\nlocation: وادي النخيل\npublished: 2025-02-14\n---\nيفتح سوق الميناء أبوابه صباح كل أحد ابتداءً من شهر مارس.\n' },
  es: { slug: 'sin-idioma', file: '---\ntitle: "El mercado del puerto amplía su horario"\nsource: Boletín de pruebas de The Reader\ndesk: Mesa de Cultura\nlocation: Valparaíso\npublished: 2026-06-01\n---\nEl mercado del puerto abrirá también los domingos por la mañana desde julio.\n' },
};
const BUILT_AT = { ar: '2026-05-31T12:00:00Z', es: '2026-06-01T12:00:00Z' };

const work = await mkdtemp(join(tmpdir(), 'reader-site-language-'));
const dists: Record<string, string> = {};
beforeAll(async () => {
  const articles = join(work, 'articles');
  await mkdir(articles);
  await Promise.all(FIXTURES.map((file) => cp(join(FIXTURE_ARTICLES, file), join(articles, file))));
  for (const { slug, file } of Object.values(NO_LANG)) await writeFile(join(articles, `${slug}.md`), file);
  // One after the other, each with an about page written in its language (the site's pages are the newsroom's own, in
  // the site's language). The Spanish site is built on the Arabic site's caches (Astro's content store and its last
  // output, the social images): what was made under another SITE_LANG must not be served again.
  for (const [lang, { env, about }] of Object.entries(SITES)) {
    if (lang === 'es') await rm(join(articles, `${NO_LANG.ar.slug}.md`));
    const outDir = join(work, `${lang}-dist`);
    const pages = join(work, `${lang}-pages`);
    await mkdir(pages);
    await writeFile(join(pages, 'about.md'), `---\ntitle: ${about[0]}\ndescription: ${about[1]}\nroles: [masthead]\n---\n${about[1]}\n`);
    const build = await buildSite({ outDir, env: { ...env, SITE_URL: 'http://localhost:4321', ARTICLES_DIR: articles, PAGES_DIR: pages, AUTHORS_DIR: FIXTURE_AUTHORS, ASTRO_CACHE_DIR: join(work, 'cache'), SOCIAL_IMAGE_CACHE: join(work, 'social'), SOURCE_DATE_EPOCH: String(Date.parse(BUILT_AT[lang as keyof typeof BUILT_AT]) / 1000) }, quiet: true });
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

    it('speaks its language on the home page, the listings, the archive, search, 404, author and site pages, header and footer included', async () => {
      for (const path of ['index.html', 'desks/index.html', 'archive/index.html', 'search/index.html', '404.html', 'authors/a-tester/index.html', 'about/index.html']) {
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
      // The body of a site page, written by the newsroom in its language: its paragraph links are named in it too.
      expect((await page('about/index.html'))('.article-body .pl').attr('aria-label')).toBe(site.words.paragraphLink);
      // A card in a language that runs the other way from the site's is set in its own direction.
      const cards = home('.card').toArray().map((card) => [home(card).attr('lang'), home(card).attr('dir')]);
      const directions = lang === 'ar' ? [['en', 'ltr'], ['es', 'ltr'], ['ar', undefined]] : [['en', undefined], ['es', undefined], ['ar', 'rtl']];
      expect(cards).toEqual(expect.arrayContaining(directions));
      // So is a headline in the 404 page's list of the newest articles (its link: the bullet stays in the column).
      const notFound = await page('404.html');
      expect(notFound('.newest li').toArray().map((li) => [notFound(li).attr('lang'), notFound(li).find('a').attr('dir')])).toEqual(expect.arrayContaining(directions));
    });

    it('gives an article without lang the site language: its page, words, date, JSON-LD and feed item, also when built on caches of another SITE_LANG', async () => {
      const { slug } = NO_LANG[lang as keyof typeof NO_LANG];
      const $ = await page(`articles/${slug}/index.html`);
      expect($('html').attr('lang')).toBe(lang);
      // An article page always says its direction.
      expect($('html').attr('dir')).toBe(site.dir ?? 'ltr');
      expect(text($, '.dates span')).toBe(site.words.published);
      // No word of the page is marked English: only the English article's headline, where the page lists it.
      expect($('[lang="en"]').not('.article-nav a, .related-articles li').length).toBe(0);
      expect(JSON.parse($('script[type="application/ld+json"]').first().text())).toMatchObject({ inLanguage: lang });
      const feed = JSON.parse(await readFile(join(dists[lang]!, 'feed.json'), 'utf8')) as { items: { url: string; language: string }[] };
      expect(feed.items.find((item) => item.url.endsWith(`/articles/${slug}/`))?.language).toBe(lang);
    });

    const PAGES = { home: '/', listing: '/desks/test-desk/', archive: '/archive/', 'search results': `/search/?q=${encodeURIComponent(site.query)}`, '404': '/no-such-page/', author: '/authors/a-tester/', 'site page': '/about/', article: lang === 'ar' ? '/articles/arabic-rtl-fixture/' : '/articles/spanish-fixture/' };
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

    it('sets a footnote marker after the year it follows, in the reading direction (not joined to it as one number)', async () => {
      const tab = await open(PAGES.article, 'light', 1280);
      // The fixture's last sentence ends in a year, a full stop and a footnote: "… 1920.¹" (Arabic), "… 1880.¹" (Spanish).
      const { year, marker } = await tab.evaluate(() => {
        const ref = document.querySelector('[data-footnote-ref]')!;
        const before = ref.parentElement!.previousSibling as Text;
        const at = before.data.search(/\d{4}\.$/);
        const range = document.createRange();
        range.setStart(before, at);
        range.setEnd(before, at + 4);
        const box = (rect: DOMRect) => ({ left: rect.left, right: rect.right });
        return { year: box(range.getBoundingClientRect()), marker: box(ref.getBoundingClientRect()) };
      });
      await tab.close();
      if (site.dir === 'rtl') expect(marker.right).toBeLessThanOrEqual(year.left);
      else expect(marker.left).toBeGreaterThanOrEqual(year.right);
    });

    it('wraps a headline of the other direction in the 404 page\'s list against its own start, its bullet in the list\'s column', async () => {
      const tab = await open(PAGES['404'], 'light', 375);
      const links = await tab.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('.newest a[dir]')].map((link) => {
        const range = document.createRange();
        range.selectNodeContents(link);
        const lines = [...range.getClientRects()].map((rect) => ({ left: Math.round(rect.left), right: Math.round(rect.right) }));
        const item = link.closest('li')!.getBoundingClientRect();
        return { dir: link.dir, lines, item: { left: Math.round(item.left), right: Math.round(item.right) } };
      }));
      await tab.close();
      // At 375 px an English headline on the Arabic site takes two lines or more: each starts where the first does.
      const wrapped = links.filter((link) => link.lines.length > 1);
      if (lang === 'ar') expect(wrapped.length).toBeGreaterThan(0);
      for (const { dir, lines, item } of wrapped) {
        const starts = lines.map((line) => (dir === 'ltr' ? line.left : line.right));
        expect(new Set(starts).size, `${dir}: ${JSON.stringify(lines)}`).toBe(1);
        // The headline stays inside its list item (the bullet sits outside it, in the list's padding).
        expect(Math.min(...lines.map((line) => line.left))).toBeGreaterThanOrEqual(item.left);
        expect(Math.max(...lines.map((line) => line.right))).toBeLessThanOrEqual(item.right);
      }
    });

    it.each([375, 1280])('saves screenshots of the article, home, search results and 404 at %i px in light and dark, none wider than the screen', async (width) => {
      for (const [name, path] of Object.entries({ article: PAGES.article, home: PAGES.home, search: PAGES['search results'], '404': PAGES['404'] })) {
        for (const scheme of SCHEMES) {
          const tab = await open(path, scheme, width);
          await tab.screenshot({ path: join(SCREENSHOTS, `site-${lang}-${name}-${width}-${scheme}.png`), fullPage: true });
          expect(await tab.evaluate(() => document.documentElement.scrollWidth), `${name} ${scheme}`).toBeLessThanOrEqual(width);
          await tab.close();
        }
      }
    });
  });
}
