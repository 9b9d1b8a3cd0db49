import { lastLoadedArticles, loadArticleFiles } from './article-loader';
import type { Article } from './article-schema';

const indexes = new Map<string, Promise<Array<{ slug: string; data: Article }>>>();

/**
 * Every article's slug and validated data, for build steps that run outside Astro's pages (sitemap dates,
 * social images): what the content loader read and checked in this build, else read straight from the files.
 * Computed once per process and shared by those steps.
 */
export function readArticleIndex(root: string): Promise<Array<{ slug: string; data: Article }>> {
  let index = indexes.get(root);
  if (!index) {
    const loaded = lastLoadedArticles(root);
    index = (loaded ? Promise.resolve(loaded) : loadArticleFiles(root)).then((files) => [...files.values()].map(({ raw, data }) => ({ slug: raw.slug, data })));
    indexes.set(root, index);
  }
  return index;
}
