import type { SitemapOptions } from '@astrojs/sitemap';
import { readArticleIndex } from '../content/article-index.ts';
import { lastUpdated } from '../content/corrections.ts';

/**
 * @astrojs/sitemap options: each article's <lastmod> is its updated date, else its publication date, from the
 * article index the loader wrote into Astro's cache folder (`cacheDir`).
 */
export function sitemapOptions(cacheDir: string): SitemapOptions {
  let lastModified: Promise<Map<string, Date>> | undefined;
  return {
    serialize: async (item) => {
      lastModified ??= readArticleIndex(cacheDir).then((all) => new Map(all.map(({ slug, data }) => [slug, lastUpdated(data) ?? data.published])));
      const slug = /^\/articles\/([^/]+)\/$/.exec(new URL(item.url).pathname)?.[1];
      const date = slug ? (await lastModified).get(slug) : undefined;
      return date ? { ...item, lastmod: date.toISOString() } : item;
    },
  };
}
