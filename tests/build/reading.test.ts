import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it, inject } from 'vitest';
import { SEED_SLUG } from '../helpers/paths';
import { builtPages } from '../helpers/site-files';
import { dirAgainst } from '../../src/format/language';

const dist = inject('distDir');
const page = async (path: string): Promise<CheerioAPI> => load(await readFile(join(dist, path), 'utf8'));

describe('the Arabic fixture article', async () => {
  const $ = await page('articles/arabic-rtl-fixture/index.html');

  it('is declared Arabic and right to left', () => {
    expect($('html').attr('lang')).toBe('ar');
    expect($('html').attr('dir')).toBe('rtl');
  });

  it('labels its dates, reading time, byline and tags in Arabic, with the date in Arabic too', () => {
    expect($('.dates').text().replace(/\s+/g, ' ').trim()).toBe('نُشر في 12 يناير 2025 · دقيقة واحدة للقراءة');
    expect($('.dates time').attr('datetime')).toBe('2025-01-12');
    expect($('.byline').text()).toBe('بقلم سلمى حداد');
    expect($('.tags').text()).toBe('الوسوم: ثقافة، مكتبات، وادي النخيل');
  });

  it('speaks Arabic in the site header, Display menu, footer and article footer; only the site name stays English', () => {
    expect($('.site-name').attr('lang')).toBe('en');
    expect($('.skip-link').text()).toBe('انتقل إلى المحتوى');
    expect($('.site-nav a').map((_, a) => $(a).text()).get()).toEqual(['بحث', 'الأرشيف', 'المكاتب', 'الأماكن', 'الوسوم']);
    expect($('#rc summary').text()).toBe('العرض');
    expect($('#rc legend').first().text()).toBe('المظهر');
    expect($('.site-footer a[href="/"]').text()).toBe('كل المقالات');
    expect($('.cite summary').text()).toBe('استشهد بهذا المقال');
    expect($('#print-button').text()).toBe('طباعة');
    // None of the furniture claims to be English but the site's own name.
    expect($('.site-header [lang=en], .site-footer a[lang=en], .article [lang=en]:not(.print-only)').map((_, e) => $(e).attr('class')).get()).toEqual(['site-name']);
    expect($('.site-footer').attr('dir')).toBeUndefined();
  });

  it('names its paragraph links and footnotes in Arabic', () => {
    const labels = $('.article-body a.pl').map((_, a) => $(a).attr('aria-label')).get();
    expect(labels.length).toBeGreaterThan(3);
    expect(new Set(labels)).toEqual(new Set(['رابط إلى هذه الفقرة']));
    expect($('.footnotes h2').text()).toBe('الحواشي');
    expect($('.footnotes [data-footnote-backref]').attr('aria-label')).toBe('العودة إلى الإحالة 1');
  });

  it('ends its printed edition in Arabic: the links, the permalink, the QR code, the date of printing', () => {
    const end = $('.print-end');
    expect(end.attr('lang')).toBeUndefined();
    expect(end.attr('dir')).toBeUndefined();
    expect(end.find('h2').text()).toBe('الروابط');
    expect(end.find('svg').attr('aria-label')).toBe('رمز QR للرابط الدائم');
    expect(end.find('#printed-on').attr('data-t')).toBe('طُبع في {date}');
  });

  it('keeps a quotation together with its attribution in one figure', () => {
    const figure = $('.article-body figure');
    expect(figure.children().map((_, el) => el.tagName).get()).toEqual(['blockquote', 'figcaption']);
    expect(figure.find('figcaption').text()).toBe('يوسف النجار، صياد متقاعد من سكان الحيّ');
  });
});

describe('an article in a language without its own words (Swahili)', async () => {
  const $ = await page('articles/swahili-fixture/index.html');

  it('is declared Swahili, and its furniture falls back to English marked lang="en"', () => {
    expect($('html').attr('lang')).toBe('sw');
    expect($('.skip-link').attr('lang')).toBe('en');
    expect($('.site-nav').attr('lang')).toBe('en');
    expect($('#rc').attr('lang')).toBe('en');
    expect($('.dates').text().replace(/\s+/g, ' ').trim()).toMatch(/^Published .* · 1 min read$/);
    // Each part of the dates line is English, the dates in it Swahili.
    expect($('.dates > span').map((_, s) => $(s).attr('lang')).get()).toEqual(['en', 'en', 'en']);
    expect($('.dates time').map((_, s) => $(s).attr('lang')).get()).toEqual(['sw', 'sw']);
    expect($('.dates > span').last().text()).toBe(' · 1\u00a0min\u00a0read');
    expect($('.tags > span').attr('lang')).toBe('en');
    expect($('.share').attr('lang')).toBe('en');
    expect($('.cite summary').attr('lang')).toBe('en');
    expect($('#print-button').attr('lang')).toBe('en');
    // The article's own words are not marked English: only the body's furniture (paragraph links, footnotes' heading
    // and links back) is.
    expect($('h1').closest('[lang=en]')).toHaveLength(0);
    expect($('.article-body [lang=en]').map((_, e) => $(e).attr('aria-label') ?? $(e).text()).get()).toEqual([
      'Link to this paragraph', 'Link to this paragraph', 'Link to this paragraph', 'Footnotes', 'Back to reference 1', 'Link to this paragraph',
    ]);
  });

  it('ends its printed edition in English, marked lang="en" and left to right', () => {
    expect($('.print-end').attr('lang')).toBe('en');
    expect($('.print-end').attr('dir')).toBe('ltr');
    // English is the script's own default (src/scripts/enhance.ts): no words to carry.
    expect($('#printed-on').attr('data-t')).toBeUndefined();
  });

  it('gives its correction notice in English marked lang="en", the correction itself and its date in Swahili', () => {
    const notice = $('aside.corrections');
    expect(notice.attr('lang')).toBe('en');
    expect(notice.attr('aria-label')).toBe('Correction');
    expect(notice.find('strong').text()).toMatch(/^Correction, .+:$/);
    expect(notice.find('strong [lang=sw] time').attr('datetime')).toBe('2023-10-03');
    expect(notice.find('p > span[lang=sw]').text()).toBe('Toleo la awali lilitaja siku isiyo sahihi ya ufunguzi.');
    expect(notice.find('.corrections-policy a').text()).toBe('Our corrections policy');
  });
});

describe('the Spanish fixture article', async () => {
  const $ = await page('articles/spanish-fixture/index.html');

  it('speaks Spanish, cites its author as APA does, and shows its desk once in the header', () => {
    expect($('.dates').text().replace(/\s+/g, ' ').trim()).toBe('Publicado 5 de noviembre de 2023 · Actualizado 7 de noviembre de 2023 · 1 min de lectura');
    expect($('.byline').text()).toBe('Por Ana Pérez');
    expect($('.site-nav a').first().text()).toBe('Buscar');
    expect($('.cite p').text()).toMatch(/^Pérez, A\. \(2023, November 5\)\. La biblioteca del puerto/);
    expect($('.article-header').text().split('Mesa de Cultura')).toHaveLength(2);
    expect($('.credit a').first().attr('href')).toBe('/desks/mesa-de-cultura/');
    expect($('.site-header [lang=en], .site-footer a[lang=en], .article [lang=en]:not(.print-only)').map((_, e) => $(e).attr('class')).get()).toEqual(['site-name']);
  });

  it('gives its correction notice, paragraph links and footnotes in Spanish', () => {
    const notice = $('aside.corrections');
    expect(notice.attr('aria-label')).toBe('Corrección');
    expect(notice.find('p').first().text()).toBe('Corrección, 7 de noviembre de 2023: Una versión anterior daba mal el horario de apertura de los lunes.');
    expect(notice.find('.corrections-policy a').text()).toBe('Nuestra política de correcciones');
    expect(new Set($('.article-body a.pl').map((_, a) => $(a).attr('aria-label')).get())).toEqual(new Set(['Enlace a este párrafo']));
    expect($('.footnotes h2').text()).toBe('Notas');
    expect($('.footnotes [data-footnote-backref]').attr('aria-label')).toBe('Volver a la referencia 1');
  });
});

describe('the reader controls and theme script', async () => {
  const $ = await page(`articles/${SEED_SLUG}/index.html`);

  it('restores the saved theme in <head> before the body is parsed, with a plain (blocking, tiny) script', () => {
    const script = $('head script').filter((_, s) => $(s).text().includes('localStorage'));
    expect(script).toHaveLength(1);
    expect(script.attr('type') ?? '').toBe('');
    expect(script.attr('src')).toBeUndefined();
    expect(script.text().length).toBeLessThan(200);
  });

  it('are hidden until script reveals them, and offer three themes, four sizes and two fonts as toggle buttons', () => {
    const menu = $('#rc');
    expect(menu.is('details[hidden]')).toBe(true);
    const values = (name: string) => menu.find(`button[name="${name}"]`).map((_, b) => $(b).attr('value') ?? '').get();
    expect(values('theme')).toEqual(['', 'light', 'dark']);
    expect(values('size')).toEqual(['s', '', 'l', 'xl']);
    expect(values('font')).toEqual(['', 'sans']);
    expect(menu.find('fieldset legend').map((_, l) => $(l).text()).get()).toEqual(['Theme', 'Text size', 'Font']);
  });

  it('use no inline event handler attribute', () => {
    expect($('[onclick], [onchange], [onload]')).toHaveLength(0);
    expect($.html()).not.toMatch(/\son[a-z]+=/);
  });

  it('are enhanced by a non-blocking script (one module file, shared by every page)', async () => {
    const module = $('body script');
    expect(module.attr('type')).toBe('module');
    expect(module.attr('src')).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect(await readFile(join(inject('distDir'), module.attr('src')!), 'utf8')).toContain('aria-pressed');
  });
});

describe('a desk spelled differently in an older article (TEST DESK, listed as Test Desk)', async () => {
  const $ = await page('articles/sponsored-sections-fixture/index.html');
  const home = await page('index.html');
  const listing = await page('desks/test-desk/index.html');

  it('is spelled as its listing spells it in the credit, the desk navigation and the home page card', () => {
    expect(listing('h1').text()).toBe('Test Desk');
    expect($('.credit a').first().text()).toBe('Test Desk');
    expect($('.credit a').first().attr('href')).toBe('/desks/test-desk/');
    const card = home('.card').filter((_, c) => home(c).find('a[href="/articles/sponsored-sections-fixture/"]').length > 0);
    expect(card.find('.credit a').first().text()).toBe('Test Desk');
    expect($.html()).not.toContain('TEST DESK</a>');
  });

  it('is spelled in every "More from" heading as in the credit of its page (here none is left: the desk has three articles, each related to the others)', async () => {
    let headings = 0;
    for (const { file, $: article } of [...(await builtPages(dist)), ...(await builtPages(inject('newsroomDist')))]) {
      const more = article('.article-nav h2 a');
      if (!file.startsWith('articles/') || more.length === 0) continue;
      headings += 1;
      expect(more.text(), file).toBe(article('.credit a').first().text());
      expect(more.attr('href'), file).toBe(article('.credit a').first().attr('href'));
    }
    expect(headings).toBeGreaterThan(0);
    expect($('.article-nav h2 a')).toHaveLength(0);
  });

  it('is spelled so in the JSON-LD articleSection and the Open Graph article:section', () => {
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { articleSection: string };
    expect(jsonLd.articleSection).toBe('Test Desk');
    expect($('meta[property="article:section"]').attr('content')).toBe('Test Desk');
    expect($.html()).not.toContain('TEST DESK');
  });
});

describe('headlines in another language in an article\'s "More from" and previous/next', () => {
  it('carry their language, and their direction where it differs from the page\'s', async () => {
    const pages = (await builtPages(dist)).filter(({ file }) => /^articles\/[^/]+\/index\.html$/.test(file));
    const langOf = new Map(pages.map(({ file, $ }) => [`/${file.replace(/index\.html$/, '')}`, $('html').attr('lang')!]));
    let foreign = 0;
    for (const { file, $ } of pages) {
      const pageLang = $('html').attr('lang')!;
      for (const link of $('.article-nav a[href^="/articles/"]').toArray()) {
        const lang = langOf.get($(link).attr('href')!)!;
        expect([$(link).attr('lang'), $(link).attr('dir')], `${file} → ${$(link).attr('href')}`).toEqual([lang === pageLang ? undefined : lang, dirAgainst(lang, pageLang)]);
        if (lang !== pageLang) foreign++;
      }
    }
    // The test site has Arabic, Spanish and Swahili articles among English ones: some links cross languages.
    expect(foreign).toBeGreaterThan(0);
  });
});
