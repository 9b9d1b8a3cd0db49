import { describe, expect, inject, it } from 'vitest';
import { load } from 'cheerio';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashSource } from '../../src/security/csp';
import { builtPages } from '../helpers/site-files';
import { SEED_SLUG } from '../helpers/paths';

// Every page's CSS is one inline <style> made of the parts it shows (src/styles/page-styles.ts).
const dist = inject('distDir');
const styleOf = async (path: string) => load(await readFile(join(dist, path, 'index.html'), 'utf8'))('style').text();

/** A rule of each part that only some pages show, as it appears minified in the built CSS. */
const PART_RULES = {
  body: '.article-body :is(h2,h3)',
  contents: '.toc',
  related: '.related-articles',
  corrections: '.corrections',
  photos: 'figcaption',
  listings: '.article-list',
  search: '.search-results',
  print: '@page',
  sharing: '.share',
  sponsored: '.kind-sponsored',
};

describe('page styles', () => {
  it('every page has exactly one <style>, no stylesheet file, and the policy allows exactly that style', async () => {
    const pages = await builtPages(dist);
    expect(pages.length).toBeGreaterThan(20);
    for (const { file, $ } of pages) {
      expect($('style'), file).toHaveLength(1);
      expect($('link[rel~="stylesheet"]'), file).toHaveLength(0);
      const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      expect(policy.match(/style-src ([^;]*)/)?.[1], file).toBe(hashSource($('style').text()));
    }
  });

  it('an article of plain paragraphs carries no rules for what it does not show', async () => {
    const css = await styleOf(`articles/${SEED_SLUG}`);
    for (const part of ['print', 'sharing'] as const) expect(css, part).toContain(PART_RULES[part]);
    for (const part of ['body', 'contents', 'related', 'corrections', 'photos', 'listings', 'search', 'sponsored'] as const) {
      expect(css, part).not.toContain(PART_RULES[part]);
    }
    // Its own print running headline comes first.
    expect(css).toMatch(/^@media print\{@page\{@top-left\{content:"The Reader"\}@top-right\{content:"Iran Stands Alone/);
  });

  it('an article with sections, a correction and related articles carries those rules, once each', async () => {
    const css = await styleOf('articles/sponsored-sections-fixture');
    for (const part of ['body', 'contents', 'corrections', 'related', 'sponsored'] as const) {
      expect(css.split(PART_RULES[part]).length - 1, part).toBeGreaterThanOrEqual(1);
    }
    expect(css.split('.toc{').length - 1).toBe(1);
  });

  it('listings carry the listing rules and no print edition; the search page its own', async () => {
    const home = await styleOf('');
    expect(home).toContain(PART_RULES.listings);
    // The home page lists the sponsored fixture; a desk without sponsored articles has no sponsored rules.
    expect(home).toContain(PART_RULES.sponsored);
    expect(await styleOf('desks/mesa-de-cultura')).not.toContain(PART_RULES.sponsored);
    expect(home).not.toContain(PART_RULES.print);
    expect(home).not.toContain(PART_RULES.search);
    const search = await styleOf('search');
    expect(search).toContain(PART_RULES.search);
    expect(search).not.toContain(PART_RULES.listings);
  });
});
