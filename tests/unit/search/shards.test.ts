import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SHARDS, SHARD_PAGES, shardCount, shardFolder, shardOf, shardPages, shardPagesProblem } from '../../../src/search/shards.ts';
import { readSearchable, searchablePart } from '../../../src/integrations/search-index.ts';
import { settingProblems } from '../../../src/settings.ts';

describe('search index shards', () => {
  it('makes the fewest shards of at most SHARD_PAGES article pages, counted in powers of two up to MAX_SHARDS', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(SHARD_PAGES)).toBe(1);
    expect(shardCount(SHARD_PAGES + 1)).toBe(2);
    expect(shardCount(3 * SHARD_PAGES)).toBe(4);
    // A new article does not deal every page again, except where the count doubles.
    for (const pages of [10_000, 10_001, 12_000, 16_000]) expect(shardCount(pages), String(pages)).toBe(8);
    expect(shardCount(16_001)).toBe(16);
    expect(shardCount(1_000_000)).toBe(MAX_SHARDS);
    expect(shardCount(47, 10)).toBe(8);
  });

  it('puts a page in the same shard whatever else is added, and spreads pages over every shard', () => {
    const slugs = Array.from({ length: 2000 }, (_, i) => `story-${i}`);
    const counts = new Array(5).fill(0);
    for (const slug of slugs) counts[shardOf(slug, 5)] += 1;
    for (const n of counts) expect(n).toBeGreaterThan(300);
    expect(slugs.map((slug) => shardOf(slug, 5))).toEqual(slugs.map((slug) => shardOf(slug, 5)));
    expect(shardFolder(0)).toBe('pagefind');
    expect(shardFolder(3)).toBe('pagefind/3');
  });

  it('reads SEARCH_SHARD_PAGES, and a value that is not a whole number from 1 is a setting problem naming it', () => {
    expect(shardPages({ SEARCH_SHARD_PAGES: '25' })).toBe(25);
    expect(shardPages({})).toBe(SHARD_PAGES);
    for (const bad of ['0', '-3', '2.5', 'many']) {
      expect(shardPagesProblem(bad)).toMatch(/^SEARCH_SHARD_PAGES is ".*": give the number of article pages/);
      expect(settingProblems({ SEARCH_SHARD_PAGES: bad }).some((line) => line.startsWith('SEARCH_SHARD_PAGES'))).toBe(true);
    }
    expect(shardPagesProblem(undefined)).toBeUndefined();
    expect(shardPagesProblem(' 40 ')).toBeUndefined();
  });
});

describe('what Pagefind reads of an article page (searchablePart)', () => {
  const page = (related: string) =>
    `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>T</title></head><body><nav>Desks</nav><main>` +
    `<article class="article" data-pagefind-body><h1>Headline</h1><div class="article-body"><p>Body <article>quoted</article> text</p></div>` +
    `<footer data-pagefind-ignore>Cite</footer></article>${related}</main></body></html>`;

  it('keeps the page language and the whole data-pagefind-body element, nested elements included, and nothing else', () => {
    const part = searchablePart(page('<aside><article><a href="/a/">Other</a></article></aside>'));
    expect(part).toBe('<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body><article class="article" data-pagefind-body><h1>Headline</h1><div class="article-body"><p>Body <article>quoted</article> text</p></div><footer data-pagefind-ignore>Cite</footer></article></body></html>');
  });

  it('is the same when only the page around the article changed (related articles, neighbours)', () => {
    expect(searchablePart(page('<aside>One</aside>'))).toBe(searchablePart(page('<aside><article>Two</article></aside>')));
  });

  it('leaves out the age notice, whose words are those of the build time', () => {
    const aged = (notice: string) => page('').replace('<h1>', `<p class="age-notice" lang="en" data-published="2023-11-02T08:00:00.000Z" data-years="one:x">${notice}</p><h1>`);
    const part = searchablePart(aged('This article is more than 2 years old'));
    expect(part).not.toContain('age-notice');
    expect(part).not.toContain('years old');
    expect(part).toBe(searchablePart(aged('This article is more than 3 years old')));
    expect(part).toBe(searchablePart(page('')));
  });

  it('reads a page file as its bytes, undecoded, and gives the same bytes as the decoded text (Arabic, accents, emoji)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'searchable-'));
    try {
      const text = page('<aside>لا</aside>').replace('Headline', 'عنوان الخبر — café 📰').replace('Body', 'النص ﷺ');
      const file = join(folder, 'index.html');
      writeFileSync(file, text);
      const bytes = readSearchable(file);
      expect(bytes.length).toBeGreaterThan(searchablePart(text).length);
      expect(Buffer.from(bytes, 'latin1').toString('utf8')).toBe(searchablePart(text));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives a page without the element whole', () => {
    const listing = '<!DOCTYPE html><html lang="en"><body><h1>World Desk</h1></body></html>';
    expect(searchablePart(listing)).toBe(listing);
  });
});
