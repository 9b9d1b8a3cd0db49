import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArticleIndex, type ArticleIndexEntry } from '../../../src/content/article-index.ts';
import { siteMap } from '../../../src/integrations/sitemap.ts';
import { sitemapOptions } from '../../../src/sharing/sitemap.ts';

const folder = mkdtempSync(join(tmpdir(), 'sitemap-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

// 2,000 article pages and a few others, in a shuffled order (as Astro gives them, pages rendering concurrently).
const slugs = Array.from({ length: 2000 }, (_, i) => `story-${(i * 7919) % 2000}`);
const pathnames = ['/', '/archive/', '/archive/2/', '/archive/10/', '/search/', ...slugs.map((slug) => `/articles/${slug}/`)];
const entries = slugs.slice(0, 3).map((slug, i) => ({ slug, data: { published: new Date(Date.UTC(2026, 0, i + 1)), corrections: [] } }) as unknown as ArticleIndexEntry);

/** Runs an integration's hooks as Astro does for a build of those pages; how many `localeCompare` calls it made. */
async function build(integration: AstroIntegration, out: string): Promise<number> {
  const logger = { info() {}, warn() {}, error() {}, debug() {} };
  const config = { site: 'https://news.example/', base: '/', trailingSlash: 'always', build: { format: 'directory' } };
  await (integration.hooks['astro:config:done'] as (options: unknown) => Promise<void>)({ config, logger });
  await (integration.hooks['astro:routes:resolved'] as (options: unknown) => void)({ routes: [], logger });
  const compare = String.prototype.localeCompare;
  let calls = 0;
  String.prototype.localeCompare = function (this: string, ...args: Parameters<typeof compare>) {
    calls += 1;
    return compare.apply(this, args);
  };
  try {
    const pages = pathnames.map((pathname) => ({ pathname }));
    await (integration.hooks['astro:build:done'] as (options: unknown) => Promise<void>)({ dir: pathToFileURL(`${out}/`), pages, routes: [], assets: new Map(), logger });
  } finally {
    String.prototype.localeCompare = compare;
  }
  return calls;
}

describe('the sitemap integration (siteMap)', () => {
  it("writes @astrojs/sitemap's own sitemap, lastmod included, with one comparison a page instead of a sort's", async () => {
    const cache = join(folder, 'cache');
    mkdirSync(cache);
    await writeArticleIndex(cache, entries);
    const [plain, ours] = [join(folder, 'plain'), join(folder, 'ours')];
    const plainCalls = await build(sitemap(sitemapOptions(cache)), plain);
    const ourCalls = await build(siteMap(cache), ours);
    const written = readFileSync(join(ours, 'sitemap-0.xml'), 'utf8');
    expect(written).toBe(readFileSync(join(plain, 'sitemap-0.xml'), 'utf8'));
    expect(written.match(/<loc>/g)).toHaveLength(pathnames.length);
    expect(written).toContain(`<loc>https://news.example/articles/${slugs[0]}/</loc><lastmod>2026-01-01T00:00:00.000Z</lastmod>`);
    expect(written.indexOf('/archive/2/')).toBeLessThan(written.indexOf('/archive/10/'));
    expect(plainCalls).toBeGreaterThan(5 * pathnames.length);
    expect(ourCalls).toBeLessThan(pathnames.length + 10);
  });
});
