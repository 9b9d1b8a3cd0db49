import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load } from 'cheerio';
import { describe, expect, inject, it } from 'vitest';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { readArticle } from '../../src/content/article-file';
import { markdownConfig } from '../../src/markdown/processor';
import { FIXTURE_ARTICLES, SEED_ARTICLES, SEED_SLUG } from '../helpers/paths';

const dist = inject('distDir');
// The processor astro.config.mjs installs, in this thread (as in `astro dev` and the unit tests).
const renderer = await markdownConfig.processor.createRenderer({ ...markdownConfigDefaults, ...markdownConfig } as never);
/** HTML as a parser sees it, so whitespace Astro may compress between elements does not count. */
const normal = (html: string) => load(html, null, false).html();

describe('one body path', () => {
  it.each([
    ['the seed article', join(SEED_ARTICLES, `${SEED_SLUG}.md`), SEED_SLUG],
    ['the Arabic article', join(FIXTURE_ARTICLES, 'arabic-rtl-fixture.md'), 'arabic-rtl-fixture'],
    ['the print fixture (links, footnotes, quotes)', join(FIXTURE_ARTICLES, 'print-fixture.md'), 'print-fixture'],
  ])('%s: the built page holds exactly what the Markdown processor renders in this thread', async (_name, file, slug) => {
    const { raw } = readArticle(file, await readFile(file, 'utf8'));
    // The loader hands the pipeline the article's language, which its furniture words follow.
    const expected = (await renderer.render(raw.body.trim(), { frontmatter: { lang: (raw.frontmatter as { lang?: string }).lang ?? 'en' } })).code;
    const $ = load(await readFile(join(dist, 'articles', slug, 'index.html'), 'utf8'));
    expect(normal($('article .article-body').html()!.trim())).toBe(normal(expected));
  });
});
