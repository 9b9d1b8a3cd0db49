import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { PHOTO_ARTICLES } from '../helpers/photo-fixtures';
import { ROOT, SEED_SLUG } from '../helpers/paths';

// The site built from the seed and the photo articles (tests/helpers/photo-fixtures.ts) by the global setup.
const dist = inject('photoDist');
const page = async (path: string): Promise<CheerioAPI> => load(await readFile(join(dist, path, 'index.html'), 'utf8'));
const article = (slug: string) => page(`articles/${slug}`);
/** A file of the built site by its address (absolute or from the root). */
const built = (address: string) => join(dist, new URL(address, 'http://x').pathname);
const size = async (address: string) => {
  const { width, height, format } = await sharp(built(address)).metadata();
  return { width, height, format };
};
/** Every address an element names: src and each srcset candidate. */
const addresses = ($: CheerioAPI, selector: string) =>
  $(selector).toArray().flatMap((el) => [$(el).attr('src'), ...($(el).attr('srcset') ?? '').split(',').map((c) => c.trim().split(' ')[0])]).filter((a): a is string => !!a);

describe('a folder article with a lead photograph and two body figures', () => {
  it('leads with a picture in AVIF and WebP at every column width, a JPEG fallback with its size, loaded first', async () => {
    const $ = await article(PHOTO_ARTICLES.folder);
    const lead = $('figure.lead-photo');
    expect(lead).toHaveLength(1);
    // Under the headline's header, before the body.
    expect(lead.prev().is('header.article-header')).toBe(true);
    expect(lead.find('source').toArray().map((s) => $(s).attr('type'))).toEqual(['image/avif', 'image/webp']);
    for (const source of lead.find('source').toArray()) {
      expect($(source).attr('srcset')).toMatch(/ 480w, .* 800w, .* 1280w$/);
      expect($(source).attr('sizes')).toContain('100vw');
    }
    const img = lead.find('img');
    expect(img.attr('src')).toMatch(/^\/_astro\/.+\.jpg$/);
    expect(img.attr('alt')).toBe('Cranes over the container quay at dawn');
    expect([img.attr('width'), img.attr('height')]).toEqual(['800', '533']);
    expect([img.attr('loading'), img.attr('fetchpriority')]).toEqual(['eager', 'high']);
    expect(lead.find('figcaption').text()).toBe('The container quay at dawn on Tuesday. Dana Levi / The Reader');
    expect(lead.find('figcaption .photo-credit').text()).toBe('Dana Levi / The Reader');
    // Every file named is in the build, in the format it says.
    for (const address of addresses($, 'figure.lead-photo :is(source, img)')) {
      const { format } = await size(address);
      expect(address.endsWith(`.${format === 'jpeg' ? 'jpg' : format === 'heif' ? 'avif' : format}`), address).toBe(true);
    }
  });

  it('turns a Markdown image with a "Caption — Credit" title and an HTML <figure> into lazy figures with captions', async () => {
    const $ = await article(PHOTO_ARTICLES.folder);
    const figures = $('.article-body figure.photo');
    expect(figures).toHaveLength(2);
    const [quay, chart] = figures.toArray().map((f) => $(f));
    expect(quay!.find('figcaption').text()).toBe('Stacked containers on the east quay. Omar Haddad / The Reader');
    expect(quay!.find('.photo-credit').text()).toBe('Omar Haddad / The Reader');
    expect(chart!.find('figcaption').text()).toBe('Ships waiting to berth, by day.');
    for (const figure of [quay!, chart!]) {
      const img = figure.find('picture > img');
      expect(img.attr('alt')).not.toBe('');
      expect([img.attr('loading'), img.attr('decoding')]).toEqual(['lazy', 'async']);
      expect(Number(img.attr('width'))).toBeGreaterThan(0);
      expect(figure.find('source[type="image/avif"]')).toHaveLength(1);
    }
    // The camera JPEG is stored sideways with EXIF orientation 6: it is shown upright, landscape.
    const quayImg = quay!.find('img');
    expect(Number(quayImg.attr('width'))).toBeGreaterThan(Number(quayImg.attr('height')));
    const shown = await size(quayImg.attr('src')!);
    expect(shown.width!).toBeGreaterThan(shown.height!);
    // A PNG (a chart) falls back to PNG, not to a blurred JPEG.
    expect(chart!.find('img').attr('src')).toMatch(/\.png$/);
    // No figure slot is left unfilled, and no body paragraph holds a figure.
    expect($('[data-photo]')).toHaveLength(0);
    expect($('.article-body p figure, .article-body p picture')).toHaveLength(0);
  });

  it('previews the photograph cropped to 1200×630, allows large previews, and gives JSON-LD 16:9, 4:3 and 1:1 crops', async () => {
    const $ = await article(PHOTO_ARTICLES.folder);
    const og = $('meta[property="og:image"]').attr('content')!;
    expect(og).toMatch(/^https?:\/\/[^/]+\/_astro\/.+\.jpg$/);
    expect(await size(og)).toEqual({ width: 1200, height: 630, format: 'jpeg' });
    expect($('meta[property="og:image:alt"]').attr('content')).toBe('Cranes over the container quay at dawn');
    expect($('meta[name="robots"]').attr('content')).toBe('max-image-preview:large');
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text()) as { image: string[] };
    expect(jsonLd.image).toHaveLength(3);
    const sizes = await Promise.all(jsonLd.image.map(async (url) => {
      expect(url).toMatch(/^https?:\/\//);
      return size(url);
    }));
    expect(sizes.map(({ width, height }) => [width, height])).toEqual([[1200, 675], [1200, 900], [1200, 1200]]);
  });

  it('keeps the headline card for an article without a photograph, and the seed page has no picture', async () => {
    const $ = await article(SEED_SLUG);
    expect($('meta[property="og:image"]').attr('content')).toMatch(new RegExp(`/articles/${SEED_SLUG}/og\\.png$`));
    expect($('picture, figure.photo')).toHaveLength(0);
    // Nothing of the photographs' condition leaks onto the page (a count of 0 once printed a stray "0" above the header).
    expect($('body').contents().toArray().filter((node) => node.type === 'text').map((node) => $(node).text().trim()).join('')).toBe('');
    expect($('meta[name="robots"]').attr('content')).toBe('max-image-preview:large');
  });
});

describe('an Arabic article with a captioned photograph', () => {
  it('shows the photograph and its Arabic caption and credit inside the right-to-left article', async () => {
    const $ = await article(PHOTO_ARTICLES.rtl);
    expect($('html').attr('dir')).toBe('rtl');
    const lead = $('figure.lead-photo');
    expect(lead.find('img').attr('alt')).toBe('رافعات فوق رصيف الحاويات');
    expect(lead.find('figcaption').text()).toBe('رصيف الحاويات صباح الثلاثاء. دانا ليفي');
  });
});

describe('a photograph from an allowed remote host', () => {
  it('is fetched at build time and served from the site itself', async () => {
    const $ = await article(PHOTO_ARTICLES.remote);
    const all = addresses($, 'img, source');
    expect(all.length).toBeGreaterThan(4);
    for (const address of all) expect(address, address).toMatch(/^\/_astro\//);
    const og = $('meta[property="og:image"]').attr('content')!;
    expect(await size(og)).toEqual({ width: 1200, height: 630, format: 'jpeg' });
    expect($('figure.lead-photo figcaption').text()).toBe('Wire Agency');
  });
});

describe('listings', () => {
  it('show a small, sized, lazy thumbnail for articles with a lead photograph and none for the others', async () => {
    const $ = await page('');
    const cards = $('article.card').toArray().map((card) => ({ title: $(card).find('h2').text(), img: $(card).find('img') }));
    const withPhoto = cards.filter((card) => card.img.length);
    expect(withPhoto.map((card) => card.title).sort()).toEqual(['Harbour Reopens After Three-Day Strike', 'Wire Photo Of The Breakwater', 'الميناء يعود إلى العمل بعد إضراب'].sort());
    for (const { img } of withPhoto) {
      expect([img.attr('width'), img.attr('height'), img.attr('loading')]).toEqual(['120', '80', 'lazy']);
      expect(img.attr('srcset')).toMatch(/ 1x, .* 2x$/);
      expect(await size(img.attr('src')!)).toEqual({ width: 120, height: 80, format: 'webp' });
    }
    expect(cards.find((card) => card.title.startsWith('Iran Stands Alone'))!.img).toHaveLength(0);
  });
});

describe('feeds', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
  const read = (name: string) => readFile(join(dist, name), 'utf8');

  it('carry the lead photograph (RSS media:content, Atom enclosure, JSON Feed image) and body photographs at absolute addresses', async () => {
    const [rss, atom, json] = await Promise.all([read('rss.xml'), read('atom.xml'), read('feed.json')]);
    // parse(…, true) validates first: it throws on XML that is not well-formed.
    const item = (parser.parse(rss, true) as { rss: { channel: { item: Record<string, unknown>[] } } }).rss.channel.item.find((i) => i.title === 'Harbour Reopens After Three-Day Strike')!;
    const media = item['media:content'] as Record<string, string>;
    expect(media['@medium']).toBe('image');
    expect(await size(media['@url']!)).toEqual({ width: 1200, height: 630, format: 'jpeg' });
    const entry = (parser.parse(atom, true) as { feed: { entry: Record<string, unknown>[] } }).feed.entry.find((e) => e.title === 'Harbour Reopens After Three-Day Strike')!;
    const links = entry.link as Record<string, string>[];
    expect(links.find((l) => l['@rel'] === 'enclosure')!['@href']).toBe(media['@url']);
    const feedItem = (JSON.parse(json) as { items: { title: string; image: string; content_html: string }[] }).items.find((i) => i.title === 'Harbour Reopens After Three-Day Strike')!;
    expect(feedItem.image).toBe(media['@url']);
    const bodyImages = [...feedItem.content_html.matchAll(/<img [^>]*>/g)].map(([tag]) => tag);
    expect(bodyImages).toHaveLength(2);
    for (const tag of bodyImages) {
      expect(tag).toMatch(/src="https?:\/\/[^/"]+\/_astro\/[^"]+\.(jpg|png)"/);
      expect(tag).toMatch(/ alt="[^"]+"/);
      expect(tag).toMatch(/ width="\d+" height="\d+"/);
    }
    expect(feedItem.content_html).toContain('Stacked containers on the east quay.');
  });
});

describe('photograph mistakes', () => {
  const invalid = inject('invalidPhotos');
  const problems = (output: string) => output.split('\n').filter((line) => /^ {2}\S.*: .*: /.test(line)).map((line) => line.trim());

  it('fail the build, each named by file and field in one line, all at once, with no stack trace', () => {
    expect(invalid.code).not.toBe(0);
    expect(invalid.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const lines = problems(invalid.output);
    for (const [where, fragments] of Object.entries(invalid.expected)) {
      const line = lines.find((l) => l.includes(`${where}: `));
      expect(line, `${where} in:\n${lines.join('\n')}`).toBeDefined();
      for (const fragment of fragments) expect(line, where).toContain(fragment);
    }
  });

  it('are reported by npm run check exactly as by the build', async () => {
    const check = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/check-articles.mjs')], {
      cwd: ROOT,
      env: { ...process.env, ARTICLES_DIR: invalid.articles, IMAGE_HOSTS: invalid.imageHosts },
    }).then(() => ({ stderr: '' }), (error: { stderr: string }) => error);
    expect(problems(check.stderr).length).toBe(Object.keys(invalid.expected).length);
    expect(problems(check.stderr)).toEqual(problems(invalid.output));
  });
});
